package dev.kiln.codegen.contributor.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.codegen.GeneratedProject;
import dev.kiln.codegen.TestSpecs;
import dev.kiln.codegen.model.RateLimitModel;
import dev.kiln.spec.BruteForceLimit;
import dev.kiln.spec.ServiceSpec;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RateLimitContributorTests {
    private static final String BASE = """
            kiln: 1
            name: shop
            package: com.example.shop
            entities:
              - name: Product
                fields:
                  - { name: title, type: string }
            """;

    private static final String GROUPED = BASE + """
            features:
              auth: { type: apiKey }
              rateLimit:
                requests: 100
                key: apiKey
                groups:
                  - { name: bulk-import, methods: [POST], paths: ["/api/products/import"], requests: 2, per: hour }
                  - { name: writes, methods: [POST, PUT, PATCH, DELETE], paths: ["/api/**"], requests: 20 }
                bruteForce: { requests: 5 }
            """;

    private static final String PROPERTIES = "src/main/resources/application.properties";
    private static final String POM = "pom.xml";
    private static final String PACKAGE_DIR = "src/main/java/com/example/shop/ratelimit/";

    private static GeneratedProject generate(String yaml) {
        return TestSpecs.generate(TestSpecs.yaml(yaml));
    }

    private static List<String> paths(GeneratedProject project) {
        return StreamSupport.stream(project.paths().spliterator(), false).toList();
    }

    @Nested
    class WithoutLimiter {
        @Test
        void aServiceWithoutRateLimitOrAuthGetsNoLimiter() {
            GeneratedProject project = generate(BASE);

            assertThat(paths(project)).noneMatch(p -> p.contains("ratelimit") || p.contains("rate_limit"));
            assertThat(project.contains(RateLimitContributor.TEST_SETTINGS)).isFalse();
            assertThat(project.text(POM)).doesNotContain("bucket4j");
            assertThat(project.text(PROPERTIES)).doesNotContain("rate-limit");
        }
    }

    @Nested
    class AuthenticationOnly {
        private final GeneratedProject project =
                generate(BASE + "features:\n  auth: { type: oauth2, roles: [USER] }\n");

        @Test
        void getsTheBruteForceLimitOnTheCredentialPathsAndNoOtherLimit() {
            String properties = project.text(PROPERTIES);

            assertThat(properties)
                    .contains("kiln.rate-limit.brute-force.requests=${RATE_LIMIT_BRUTE_FORCE_REQUESTS:10}")
                    .contains("kiln.rate-limit.brute-force.window=${RATE_LIMIT_BRUTE_FORCE_WINDOW:1m}")
                    .contains("kiln.rate-limit.brute-force.paths=" + String.join(",", BruteForceLimit.PATHS))
                    .contains("kiln.rate-limit.default.requests=${RATE_LIMIT_REQUESTS:0}")
                    .doesNotContain("groups[");
            assertThat(project.text(RateLimitContributor.TEST_SETTINGS))
                    .contains("RATE_LIMIT_BRUTE_FORCE_REQUESTS=1000000")
                    .doesNotContain("RATE_LIMIT_REQUESTS=");
        }

        @Test
        void shipsTheLimiterClassesInTheServicePackage() {
            assertThat(project.text(PACKAGE_DIR + "RateLimitFilter.java"))
                    .startsWith("package com.example.shop.ratelimit;");
            assertThat(paths(project))
                    .contains(PACKAGE_DIR + "package-info.java", RateLimitContributor.MIGRATION)
                    .contains("src/test/java/com/example/shop/ratelimit/RateLimitPostgresIT.java");
        }
    }

    @Nested
    class WithGroups {
        private final GeneratedProject project = generate(GROUPED);

        @Test
        void groupsBecomeOrderedSettingsWithAnEnvironmentVariablePerValue() {
            String properties = project.text(PROPERTIES);

            assertThat(properties)
                    .contains("""
                            kiln.rate-limit.groups[0].name=bulk-import
                            kiln.rate-limit.groups[0].methods=POST
                            kiln.rate-limit.groups[0].paths=/api/products/import
                            kiln.rate-limit.groups[0].requests=${RATE_LIMIT_BULK_IMPORT_REQUESTS:2}
                            kiln.rate-limit.groups[0].window=${RATE_LIMIT_BULK_IMPORT_WINDOW:1h}
                            kiln.rate-limit.groups[0].key=${RATE_LIMIT_BULK_IMPORT_BY:api-key}
                            kiln.rate-limit.groups[1].name=writes
                            """)
                    .contains("kiln.rate-limit.groups[1].methods=POST,PUT,PATCH,DELETE")
                    .contains("kiln.rate-limit.default.requests=${RATE_LIMIT_REQUESTS:100}")
                    .contains("kiln.rate-limit.brute-force.requests=${RATE_LIMIT_BRUTE_FORCE_REQUESTS:5}")
                    .contains("kiln.rate-limit.enabled=${RATE_LIMIT_ENABLED:true}");
            assertThat(properties.indexOf("groups[0]")).isLessThan(properties.indexOf("groups[1]"));
        }

        @Test
        void devKeepsBucketsInMemoryAndProdInPostgres() {
            assertThat(project.text("src/main/resources/application-dev.properties"))
                    .contains("kiln.rate-limit.store=${RATE_LIMIT_STORE:memory}");
            assertThat(project.text("src/main/resources/application-prod.properties"))
                    .contains("kiln.rate-limit.store=${RATE_LIMIT_STORE:postgres}");
        }

        @Test
        void buildUsesBucket4jForJava17AndCaffeine() {
            assertThat(TestSpecs.compact(project.text(POM)))
                    .contains("<bucket4j.version>8.18.0</bucket4j.version>")
                    .contains("<artifactId>bucket4j_jdk17-core</artifactId> <version>${bucket4j.version}</version>")
                    .contains("<artifactId>bucket4j_jdk17-postgresql</artifactId>")
                    .contains("<artifactId>caffeine</artifactId>");
        }

        @Test
        void migrationCreatesTheBucketTableIdempotently() {
            assertThat(project.text(RateLimitContributor.MIGRATION))
                    .contains("create table if not exists rate_limit_buckets")
                    .contains("state bytea")
                    .contains("expires_at bigint");
        }

        @Test
        void testsRaiseEveryLimitAndTheApiTestTargetsARealCollection() {
            assertThat(project.text(RateLimitContributor.TEST_SETTINGS))
                    .contains("RATE_LIMIT_BULK_IMPORT_REQUESTS=1000000")
                    .contains("RATE_LIMIT_WRITES_REQUESTS=1000000")
                    .contains("RATE_LIMIT_REQUESTS=1000000");
            assertThat(project.text("src/test/java/com/example/shop/ratelimit/RateLimitApiTest.java"))
                    .contains("import com.example.shop.TestData;")
                    .contains("COLLECTION = \"/api/products\"")
                    .doesNotContain("com.example.blog");
        }

        @Test
        void readmeDocumentsEveryLimitAndItsVariables() {
            assertThat(project.text("README.md"))
                    .contains("## Rate limits")
                    .contains("| `bulk-import` | 2 per 1h | POST | `/api/products/import` | api-key |"
                            + " `RATE_LIMIT_BULK_IMPORT_REQUESTS`")
                    .contains("| `brute-force` | 5 per 1m | POST |")
                    .contains("`RATE_LIMIT_STORE`");
        }
    }

    @Nested
    class Model {
        @Test
        void namesEnvironmentVariablesAfterTheGroupWhateverTheLocale() {
            assertThat(RateLimitModel.env("bulk-import")).isEqualTo("RATE_LIMIT_BULK_IMPORT_");
            assertThat(RateLimitModel.env("writes")).isEqualTo("RATE_LIMIT_WRITES_");
        }

        @Test
        void listsTheBruteForceLimitThenGroupsThenTheDefault() {
            ServiceSpec spec = TestSpecs.yaml(GROUPED);

            assertThat(RateLimitModel.of(spec).orElseThrow().all())
                    .extracting(RateLimitModel.Limit::name)
                    .containsExactly("brute-force", "bulk-import", "writes", "default");
            assertThat(RateLimitModel.of(TestSpecs.yaml(BASE))).isEmpty();
        }
    }
}
