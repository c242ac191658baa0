package dev.kiln.spec.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kiln.spec.BruteForceLimit;
import dev.kiln.spec.InvalidSpecException;
import dev.kiln.spec.RateLimitFeature;
import dev.kiln.spec.RateLimitGroup;
import dev.kiln.spec.ServiceSpec;
import dev.kiln.spec.io.SpecReader;
import dev.kiln.spec.io.SpecWriter;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RateLimitRulesTests {
    private static final SpecReader READER = new SpecReader();

    private static final String BASE = """
            kiln: 1
            name: shop
            package: com.example.shop
            entities:
              - name: Product
                fields:
                  - { name: title, type: string }
            features:
              auth: { type: oauth2 }
            """;

    private static final String GROUPED = BASE + """
              rateLimit:
                requests: 100
                per: minute
                key: client
                groups:
                  - name: writes
                    methods: [POST, PUT, PATCH, DELETE]
                    paths: ["/api/**"]
                    requests: 20
                  - { name: search, paths: ["/api/products"], requests: 5, per: second, key: ip }
                bruteForce: { requests: 5, per: hour }
            """;

    private static ServiceSpec read(String yaml) {
        return READER.read(yaml, "spec.yaml", false);
    }

    private static RateLimitFeature rateLimit(String yaml) {
        return Objects.requireNonNull(read(yaml).features().rateLimit(), "rateLimit");
    }

    private static List<SpecProblem> problemsOf(String yaml) {
        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, () -> read(yaml));
        assertThat(e).as("expected the spec to be rejected").isNotNull();
        return e.problems();
    }

    @Nested
    class ValidSpecs {
        @Test
        void readsGroupsAndTheBruteForceLimit() {
            RateLimitFeature limit = rateLimit(GROUPED);

            assertThat(limit.groups())
                    .containsExactly(
                            new RateLimitGroup(
                                    "writes",
                                    List.of("POST", "PUT", "PATCH", "DELETE"),
                                    List.of("/api/**"),
                                    20,
                                    null,
                                    null),
                            new RateLimitGroup("search", List.of(), List.of("/api/products"), 5, "second", "ip"));
            assertThat(limit.bruteForce()).isEqualTo(new BruteForceLimit(5, "hour"));
        }

        @Test
        void groupsInheritTheWindowAndKeyOfTheFeature() {
            RateLimitFeature limit = rateLimit(GROUPED);

            RateLimitGroup writes = limit.groups().get(0);
            assertThat(writes.effectivePer(limit)).isEqualTo("minute");
            assertThat(writes.effectiveKey(limit)).isEqualTo("client");
            assertThat(limit.groups().get(1).effectiveKey(limit)).isEqualTo("ip");
        }

        @Test
        void bruteForceLimitDefaultsToTenAMinute() {
            RateLimitFeature limit = rateLimit(BASE + "  rateLimit: { requests: 100 }\n");

            assertThat(limit.bruteForce()).isNull();
            assertThat(limit.effectiveBruteForce()).isEqualTo(new BruteForceLimit(10, "minute"));
            assertThat(BruteForceLimit.PATHS).contains("/login", "/oauth2/token", "/register");
        }

        @Test
        void roundTripsThroughYamlAndJson() {
            ServiceSpec spec = read(GROUPED);

            assertThat(READER.read(SpecWriter.toYaml(spec), "out.yaml", false)).isEqualTo(spec);
            assertThat(READER.read(SpecWriter.toJson(spec), "out.json", true)).isEqualTo(spec);
        }

        @Test
        void jsonOfASpecWithoutGroupsKeepsItsShape() {
            String json = SpecWriter.toJson(read(BASE + "  rateLimit: { requests: 100, per: minute, key: ip }\n"));

            assertThat(json)
                    .contains("\"rateLimit\" : {")
                    .contains("\"requests\" : 100")
                    .doesNotContain("groups")
                    .doesNotContain("bruteForce");
        }
    }

    @Nested
    class Mistakes {
        @Test
        void lowerCaseMethodIsLocatedAndCorrected() {
            List<SpecProblem> problems = problemsOf(GROUPED.replace("[POST, PUT", "[post, PUT"));

            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.path()).isEqualTo("features.rateLimit.groups[0].methods[0]");
                assertThat(p.line()).isEqualTo(16);
                assertThat(p.message()).contains("'post'").contains("Did you mean 'POST'?");
            });
        }

        @Test
        void misspelledGroupKeySuggestsTheRightOne() {
            List<SpecProblem> problems = problemsOf(GROUPED.replace("paths: [\"/api/**\"]", "path: [\"/api/**\"]"));

            assertThat(problems)
                    .anySatisfy(p -> {
                        assertThat(p.path()).isEqualTo("features.rateLimit.groups[0].path");
                        assertThat(p.message()).contains("Did you mean 'paths'?");
                    })
                    .anySatisfy(p -> assertThat(p.message()).contains("missing required key 'paths'"));
        }

        @Test
        void misspelledWindowSuggestsTheRightOne() {
            List<SpecProblem> problems = problemsOf(GROUPED.replace("per: second", "per: secnod"));

            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.path()).isEqualTo("features.rateLimit.groups[1].per");
                assertThat(p.message()).contains("Did you mean 'second'?");
                assertThat(p.render()).startsWith("spec.yaml:19:64:");
            });
        }

        @Test
        void pathWithoutLeadingSlashGetsAHint() {
            List<SpecProblem> problems = problemsOf(GROUPED.replace("\"/api/products\"", "\"api/products\""));

            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.path()).isEqualTo("features.rateLimit.groups[1].paths[0]");
                assertThat(p.message()).contains("start with '/'");
            });
        }

        @Test
        void doubleStarInTheMiddleIsRejected() {
            List<SpecProblem> problems = problemsOf(GROUPED.replace("\"/api/products\"", "\"/api/**/edit\""));

            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.path()).isEqualTo("features.rateLimit.groups[1].paths[0]");
                assertThat(p.message()).contains("'**' must be the whole last segment");
            });
        }

        @Test
        void brokenVariableIsRejected() {
            List<SpecProblem> problems = problemsOf(GROUPED.replace("\"/api/products\"", "\"/api/products/x{id}\""));

            assertThat(problems)
                    .singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("'x{id}'").contains("'{id}'"));
        }

        @Test
        void actuatorPathsAreRejectedBecauseTheyAreNeverLimited() {
            List<SpecProblem> problems = problemsOf(GROUPED.replace("\"/api/products\"", "\"/actuator/**\""));

            assertThat(problems)
                    .singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("never limited"));
        }

        @Test
        void duplicateGroupNameIsRejected() {
            List<SpecProblem> problems = problemsOf(GROUPED.replace("name: search", "name: writes"));

            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.path()).isEqualTo("features.rateLimit.groups[1].name");
                assertThat(p.message()).contains("declared twice");
            });
        }

        @Test
        void reservedGroupNameIsRejected() {
            List<SpecProblem> problems = problemsOf(GROUPED.replace("name: search", "name: brute-force"));

            assertThat(problems)
                    .singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("one of the service's own limits"));
        }

        @Test
        void groupShadowedByAnEarlierOneIsRejected() {
            String yaml = GROUPED.replace(
                    "- { name: search, paths: [\"/api/products\"]",
                    "- { name: search, methods: [DELETE, PATCH, PUT, POST], paths: [\"/api/**\"]");
            List<SpecProblem> problems = problemsOf(yaml);

            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.path()).isEqualTo("features.rateLimit.groups[1]");
                assertThat(p.message()).contains("never applies").contains("'writes'");
            });
        }

        @Test
        void groupKeyedByUserNeedsAuthentication() {
            String yaml = GROUPED.replace("  auth: { type: oauth2 }\n", "")
                    .replace("key: ip }", "key: user }")
                    .replace("key: client", "key: ip");
            List<SpecProblem> problems = problemsOf(yaml);

            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.path()).isEqualTo("features.rateLimit.groups[1].key");
                assertThat(p.message()).contains("needs authentication");
            });
        }

        @Test
        void zeroRequestsIsRejectedInGroupsAndTheBruteForceLimit() {
            List<SpecProblem> problems = problemsOf(
                    GROUPED.replace("requests: 20", "requests: 0").replace("requests: 5, per: hour", "requests: 0"));

            assertThat(problems)
                    .extracting(SpecProblem::path)
                    .containsExactlyInAnyOrder(
                            "features.rateLimit.groups[0].requests", "features.rateLimit.bruteForce.requests");
        }

        @Test
        void bruteForceLimitTakesNoKey() {
            List<SpecProblem> problems = problemsOf(GROUPED.replace("per: hour }", "per: hour, key: user }"));

            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.path()).isEqualTo("features.rateLimit.bruteForce.key");
                assertThat(p.message()).contains("unknown key 'key'");
            });
        }
    }
}
