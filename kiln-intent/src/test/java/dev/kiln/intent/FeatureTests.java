package dev.kiln.intent;

import static dev.kiln.intent.Specs.parse;
import static dev.kiln.intent.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.spec.AuthType;
import dev.kiln.spec.Entity;
import dev.kiln.spec.Features;
import dev.kiln.spec.RateLimitFeature;
import dev.kiln.spec.ServiceSpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The feature cues of the lexicon. */
class FeatureTests {
    private static final String DATA = "Posts have a title and a body. ";

    private static Features features(String prompt) {
        return spec(DATA + prompt).features();
    }

    @Nested
    class Auth {
        @ParameterizedTest
        @ValueSource(strings = {"Use OAuth2.", "Sign in with OIDC.", "Use OpenID Connect.", "Use OAuth 2.1."})
        void oauthAndOidcAreOauth2(String prompt) {
            assertThat(features(prompt).auth())
                    .isNotNull()
                    .satisfies(a -> assertThat(a.type()).isEqualTo(AuthType.OAUTH2));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Secure it with JWT.", "Clients send bearer tokens.", "Use JSON web tokens."})
        void jwtAndBearerAreJwt(String prompt) {
            assertThat(features(prompt).auth())
                    .isNotNull()
                    .satisfies(a -> assertThat(a.type()).isEqualTo(AuthType.JWT));
        }

        @Test
        void apiKeysAreApiKey() {
            assertThat(features("Partners call it with API keys.").auth())
                    .isNotNull()
                    .satisfies(a -> assertThat(a.type()).isEqualTo(AuthType.API_KEY));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Users log in.", "Users sign up.", "Users register with an email."})
        void aLoginIsOauth2WithAUserStore(String prompt) {
            ServiceSpec spec = spec(DATA + prompt);
            assertThat(spec.features().auth())
                    .isNotNull()
                    .satisfies(a -> assertThat(a.type()).isEqualTo(AuthType.OAUTH2));
            assertThat(spec.entities()).extracting(Entity::name).contains("User");
            assertThat(Specs.field(spec, "User", "passwordHash").required()).isTrue();
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "Teams register for tournaments.",
                    "Each badge is registered to one visitor.",
                    "Cars have a registration number."
                })
        void registeringForSomethingIsNotALogin(String prompt) {
            assertThat(features(DATA + prompt).auth()).isNull();
        }

        @Test
        void anotherActorThatLogsInNeedsNoUser() {
            ServiceSpec spec = spec("Owners have pets; each pet has a name. Owners sign up and log in.");
            assertThat(spec.entities()).extracting(Entity::name).containsExactly("Owner", "Pet");
        }

        @Test
        void anExplicitMechanismWinsOverALogin() {
            assertThat(features("Users sign up and log in with JWT tokens.").auth())
                    .isNotNull()
                    .satisfies(a -> assertThat(a.type()).isEqualTo(AuthType.JWT));
        }

        @Test
        void rolesAreReadInUpperSnakeCase() {
            assertThat(features("Use OAuth2 with roles employee and facility manager.")
                            .auth())
                    .isNotNull()
                    .satisfies(a -> assertThat(a.roles()).containsExactly("EMPLOYEE", "FACILITY_MANAGER"));
        }

        @Test
        void noCueNoAuth() {
            assertThat(features("").auth()).isNull();
        }
    }

    @Nested
    class RateLimit {
        @Test
        void readsRequestsWindowAndKey() {
            assertThat(features("Rate limit it to 50 requests per minute per API key.")
                            .rateLimit())
                    .isEqualTo(new RateLimitFeature(50, "minute", "apiKey"));
        }

        @Test
        void readsShortForms() {
            ServiceSpec spec = spec(DATA + "Use JWT; rate-limit 30 req/min per user.");
            assertThat(spec.features().rateLimit()).isEqualTo(new RateLimitFeature(30, "minute", "user"));
        }

        @Test
        void perIpIsIp() {
            assertThat(features("Limit to 10 requests per second per IP.").rateLimit())
                    .isEqualTo(new RateLimitFeature(10, "second", "ip"));
        }

        @Test
        void withoutNumbersAssumesADefaultAndSaysSo() {
            ParsedIntent parsed = parse(DATA + "Add rate limiting.");
            assertThat(parsed.spec().features().rateLimit()).isEqualTo(new RateLimitFeature(100, "minute", null));
            assertThat(parsed.warnings()).anyMatch(w -> w.contains("assumed 100 requests per minute"));
        }

        @Test
        void perUserWithoutAuthFallsBackToIp() {
            ParsedIntent parsed = parse(DATA + "Limit to 20 requests per hour per user.");
            assertThat(parsed.spec().features().rateLimit()).isEqualTo(new RateLimitFeature(20, "hour", "ip"));
            assertThat(parsed.warnings()).anyMatch(w -> w.contains("needs authentication"));
        }
    }

    @Nested
    class Flags {
        @ParameterizedTest
        @ValueSource(strings = {"Keep an audit log.", "Keep a history of all changes.", "We need an audit trail."})
        void auditCues(String prompt) {
            assertThat(features(prompt).audit()).isTrue();
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "Use soft delete.",
                    "Archive posts instead of deleting them.",
                    "Archive old posts rather than deleting them.",
                    "Deleted posts go to the trash."
                })
        void softDeleteCues(String prompt) {
            assertThat(features(prompt).softDelete()).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"Cache reads.", "Add caching.", "Put posts in Redis."})
        void cacheCues(String prompt) {
            assertThat(features(prompt).cache()).isTrue();
        }

        @ParameterizedTest
        @ValueSource(
                strings = {"Make it multi-tenant.", "Organizations are tenants.", "Each company only sees its own data."
                })
        void multiTenantCues(String prompt) {
            assertThat(features(prompt).multiTenant()).isTrue();
        }

        @Test
        void tenantsWhoRentAreDataNotTenancy() {
            ServiceSpec spec = spec("Tenants rent flats. Flats have a rent. Tenants have a name.");
            assertThat(spec.features().multiTenant()).isFalse();
            assertThat(spec.entities()).extracting(Entity::name).contains("Tenant", "Flat");
        }

        @Test
        void noCuesNoFlags() {
            Features f = features("");
            assertThat(f.audit() || f.softDelete() || f.cache() || f.multiTenant())
                    .isFalse();
        }
    }

    @Nested
    class Search {
        @Test
        void fullTextSearchNamesItsFields() {
            assertThat(features("Full-text search on post titles and bodies.").search())
                    .isNotNull()
                    .satisfies(s -> {
                        assertThat(s.type()).isEqualTo("fulltext");
                        assertThat(s.fields()).containsExactly("Post.title", "Post.body");
                    });
        }

        @Test
        void similarOrSemanticSearchIsSemantic() {
            assertThat(features("Find similar posts by body.").search())
                    .isNotNull()
                    .satisfies(s -> {
                        assertThat(s.type()).isEqualTo("semantic");
                        assertThat(s.fields()).containsExactly("Post.body");
                    });
        }

        @Test
        void aSearchedFieldNoEntityHasIsAddedAsText() {
            ServiceSpec spec = spec("Properties have a price. Semantic search over property descriptions.");
            assertThat(spec.features().search())
                    .isNotNull()
                    .satisfies(s -> assertThat(s.fields()).containsExactly("Property.description"));
            assertThat(Specs.field(spec, "Property", "description").type().isText())
                    .isTrue();
        }
    }
}
