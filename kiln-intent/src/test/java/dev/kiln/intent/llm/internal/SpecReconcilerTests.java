package dev.kiln.intent.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.spec.AuthFeature;
import dev.kiln.spec.AuthType;
import dev.kiln.spec.Entity;
import dev.kiln.spec.Features;
import dev.kiln.spec.Field;
import dev.kiln.spec.ServiceSpec;
import dev.kiln.spec.io.SpecReader;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SpecReconcilerTests {
    private static final String USER = "{\"name\": \"User\", \"fields\": [{\"name\": \"email\", \"type\": \"email\"}]}";

    private final SpecReconciler reconciler = new SpecReconciler();

    private static ServiceSpec spec(String entities, String rest) {
        String json = "{\"kiln\": 1, \"name\": \"model-name\", \"package\": \"com.model\", \"entities\": [" + entities
                + "]" + (rest.isEmpty() ? "" : ", " + rest) + "}";
        return new SpecReader().read(json, "test", true);
    }

    private static ServiceSpec none() {
        return new ServiceSpec(1, "", "", null, List.of(), List.of(), Features.NONE);
    }

    private static List<String> names(Reconciliation result) {
        return result.spec().entities().stream().map(Entity::name).toList();
    }

    @Nested
    class Entities {
        @Test
        void reconcileDropsAnEntityNeitherFoundNorMentioned() {
            Reconciliation result = reconciler.reconcile(
                    spec(USER + ", {\"name\": \"Invoice\", \"fields\": []}", ""), none(), "a service for users");

            assertThat(names(result)).containsExactly("User");
            assertThat(result.warnings())
                    .containsExactly("entities: dropped 'Invoice', which the prompt does not mention");
        }

        @Test
        void reconcileKeepsAnEntityThePromptNamesBySynonym() {
            Reconciliation result = reconciler.reconcile(
                    spec("{\"name\": \"Author\", \"fields\": []}", ""), none(), "writers and their bios");

            assertThat(names(result)).containsExactly("Author");
            assertThat(result.warnings()).isEmpty();
        }

        @Test
        void reconcileDropsARiskyEntityEvenWhenThePromptAsksForIt() {
            Reconciliation result = reconciler.reconcile(
                    spec(USER + ", {\"name\": \"AdminBackdoor\", \"fields\": []}", ""),
                    none(),
                    "users; also add an admin backdoor");

            assertThat(names(result)).containsExactly("User");
        }

        @Test
        void reconcileKeepsAnEntityTheBaselineFoundUnderAnyCase() {
            ServiceSpec baseline = spec("{\"name\": \"Admin\", \"fields\": []}", "");

            Reconciliation result =
                    reconciler.reconcile(spec("{\"name\": \"Admin\", \"fields\": []}", ""), baseline, "admins");

            assertThat(names(result)).containsExactly("Admin");
        }

        @Test
        void reconcileNotesABaselineEntityTheModelLeftOut() {
            ServiceSpec baseline = spec(USER + ", {\"name\": \"Tag\", \"fields\": []}", "");

            Reconciliation result = reconciler.reconcile(spec(USER, ""), baseline, "users and tags");

            assertThat(result.warnings())
                    .containsExactly("entities: the model left out 'Tag', which the rule-based parser found in the"
                            + " prompt; check that the spec still covers it");
        }

        @Test
        void reconcileTakesNameAndPackageFromTheBaselineWhenThereIsOne() {
            ServiceSpec baseline = new SpecReader()
                    .read(
                            "{\"kiln\": 1, \"name\": \"users\", \"package\": \"com.example.users\", \"entities\": ["
                                    + USER + "]}",
                            "b",
                            true);

            assertThat(reconciler.reconcile(spec(USER, ""), baseline, "users").spec())
                    .extracting(ServiceSpec::name, ServiceSpec::basePackage)
                    .containsExactly("users", "com.example.users");
            assertThat(reconciler.reconcile(spec(USER, ""), none(), "users").spec())
                    .extracting(ServiceSpec::name, ServiceSpec::basePackage)
                    .containsExactly("model-name", "com.model");
        }
    }

    @Nested
    class Fields {
        private static final String WITH_SECRETS = "{\"name\": \"User\", \"fields\": ["
                + "{\"name\": \"email\", \"type\": \"email\"},"
                + "{\"name\": \"passwordHash\", \"type\": \"string\"},"
                + "{\"name\": \"apiToken\", \"type\": \"string\"}],"
                + " \"indexes\": [{\"fields\": [\"apiToken\"]}, {\"fields\": [\"email\", \"apiToken\"]}]}";

        @Test
        void reconcileDropsRiskyFieldsAndTheirIndexEntries() {
            Reconciliation result = reconciler.reconcile(spec(WITH_SECRETS, ""), none(), "users with passwords");

            Entity user = result.spec().entities().get(0);
            assertThat(user.fields()).extracting(Field::name).containsExactly("email");
            assertThat(user.indexes())
                    .singleElement()
                    .satisfies(i -> assertThat(i.fields()).containsExactly("email"));
            assertThat(result.warnings()).hasSize(2).allMatch(w -> w.startsWith("fields: dropped 'User."));
        }

        @Test
        void reconcileKeepsARiskyFieldTheBaselineHas() {
            ServiceSpec baseline =
                    spec("{\"name\": \"User\", \"fields\": [{\"name\": \"passwordhash\", \"type\": \"string\"}]}", "");

            Reconciliation result = reconciler.reconcile(spec(WITH_SECRETS, ""), baseline, "users with passwords");

            assertThat(result.spec().entities().get(0).fields())
                    .extracting(Field::name)
                    .containsExactly("email", "passwordHash");
        }
    }

    @Nested
    class Relations {
        private static final String POST = "{\"name\": \"Post\", \"fields\": []}";

        @Test
        void reconcileDropsARelationToADroppedEntity() {
            Reconciliation result = reconciler.reconcile(
                    spec(
                            USER + ", " + POST + ", {\"name\": \"Spy\", \"fields\": []}",
                            "\"relations\": [{\"from\": \"Post\", \"to\": \"User\", \"kind\": \"many-to-one\"},"
                                    + "{\"from\": \"Spy\", \"to\": \"User\", \"kind\": \"many-to-one\"}]"),
                    none(),
                    "users write posts");

            assertThat(result.spec().relations())
                    .singleElement()
                    .satisfies(r -> assertThat(r.from()).isEqualTo("Post"));
            assertThat(result.warnings()).contains("relations: dropped Spy -> User, whose entity was dropped");
        }

        @Test
        void reconcileReplacesRiskyRelationNamesWithDerivedOnes() {
            Reconciliation result = reconciler.reconcile(
                    spec(
                            USER + ", " + POST,
                            "\"relations\": [{\"from\": \"Post\", \"to\": \"User\", \"kind\": \"many-to-one\","
                                    + " \"name\": \"adminBypass\"}]"),
                    none(),
                    "users write posts");

            assertThat(result.spec().relations().get(0).name()).isNull();
        }
    }

    @Nested
    class FeaturesOfTheSpec {
        private Features reconcileFeatures(String modelFeatures, String baselineFeatures, String prompt) {
            ServiceSpec baseline = baselineFeatures.isEmpty() ? none() : spec(USER, baselineFeatures);
            return reconciler
                    .reconcile(spec(USER, modelFeatures), baseline, prompt)
                    .spec()
                    .features();
        }

        @Test
        void reconcileDropsAuthThePromptRefuses() {
            Features features = reconcileFeatures(
                    "\"features\": {\"auth\": {\"type\": \"jwt\"}}", "", "users, public and without authentication");

            assertThat(features.auth()).isNull();
        }

        @Test
        void reconcileKeepsAuthThePromptAsksForThoughTheBaselineMissedIt() {
            Features features =
                    reconcileFeatures("\"features\": {\"auth\": {\"type\": \"jwt\"}}", "", "users log in with JWT");

            assertThat(features.auth()).isEqualTo(new AuthFeature(AuthType.JWT, List.of()));
        }

        @Test
        void reconcileKeepsTheBaselinesAuthTypeAndOnlyRolesThePromptNames() {
            Reconciliation result = reconciler.reconcile(
                    spec(USER, "\"features\": {\"auth\": {\"type\": \"jwt\", \"roles\": [\"ADMIN\", \"EDITOR\"]}}"),
                    spec(USER, "\"features\": {\"auth\": {\"type\": \"oauth2\", \"roles\": [\"USER\"]}}"),
                    "users and editors sign in with OAuth2");

            assertThat(result.spec().features().auth())
                    .isEqualTo(new AuthFeature(AuthType.OAUTH2, List.of("USER", "EDITOR")));
            assertThat(result.warnings())
                    .containsExactly(
                            "features.auth: kept oauth2 as the prompt says, not the model's jwt",
                            "features.auth.roles: dropped [ADMIN], which the prompt does not name");
        }

        @Test
        void reconcileKeepsTheBaselinesRateLimitOverTheModels() {
            Features features = reconcileFeatures(
                    "\"features\": {\"rateLimit\": {\"requests\": 100000}}",
                    "\"features\": {\"rateLimit\": {\"requests\": 100, \"per\": \"minute\"}}",
                    "users; 100 requests per minute");

            assertThat(Objects.requireNonNull(features.rateLimit()).requests()).isEqualTo(100);
        }

        @Test
        void reconcileRestoresAFlagTheModelTurnedOff() {
            Features features = reconcileFeatures("", "\"features\": {\"softDelete\": true}", "users, soft delete");

            assertThat(features.softDelete()).isTrue();
        }

        @Test
        void reconcileKeepsOnlySearchFieldsThatStillExist() {
            Reconciliation result = reconciler.reconcile(
                    spec(
                            USER + ", {\"name\": \"Secret\", \"fields\": [{\"name\": \"text\", \"type\": \"text\"}]}",
                            "\"features\": {\"search\": {\"type\": \"fulltext\", \"fields\": [\"User.email\","
                                    + " \"Secret.text\"]}}"),
                    none(),
                    "search users");

            assertThat(Objects.requireNonNull(result.spec().features().search()).fields())
                    .containsExactly("User.email");
            assertThat(result.warnings())
                    .contains("features.search.fields: dropped [Secret.text], whose entity or field is not in the"
                            + " spec");
        }
    }
}
