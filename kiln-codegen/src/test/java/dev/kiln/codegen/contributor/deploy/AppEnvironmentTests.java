package dev.kiln.codegen.contributor.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.kiln.codegen.spi.ProjectFiles;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AppEnvironmentTests {
    private static final String RESOURCES = "src/main/resources/";

    private static AppEnvironment read(String... pathsAndTexts) {
        ProjectFiles files = new ProjectFiles();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            files.addText(RESOURCES + pathsAndTexts[i], pathsAndTexts[i + 1]);
        }
        return AppEnvironment.of(files);
    }

    private static List<String> names(List<EnvVariable> variables) {
        return variables.stream().map(EnvVariable::name).toList();
    }

    @Nested
    class Placeholders {
        @Test
        void aPlaceholderWithoutDefaultIsRequiredAndOneWithADefaultIsNot() {
            AppEnvironment environment = read("application.properties", """
                    a.url=${SERVICE_URL}
                    a.size=${POOL_SIZE:10}
                    a.empty=${OPTIONAL_NOTE:}
                    """);

            assertThat(environment.variables())
                    .containsExactly(
                            new EnvVariable("OPTIONAL_NOTE", "", false, List.of("application.properties: a.empty")),
                            new EnvVariable("POOL_SIZE", "10", false, List.of("application.properties: a.size")),
                            new EnvVariable("SERVICE_URL", null, false, List.of("application.properties: a.url")));
            assertThat(environment.variables().get(2).required()).isTrue();
        }

        @Test
        void placeholdersNestedInDefaultsCountAndTheOuterDefaultKeepsThemVerbatim() {
            AppEnvironment environment =
                    read("application.properties", "issuer=${JWT_ISSUER:http://${HOST:localhost}:8080}\n");

            assertThat(environment.variables())
                    .extracting(EnvVariable::name, EnvVariable::defaultValue)
                    .containsExactly(tuple("HOST", "localhost"), tuple("JWT_ISSUER", "http://${HOST:localhost}:8080"));
        }

        @Test
        void propertyReferencesCommentsAndUnclosedPlaceholdersAreNotVariables() {
            AppEnvironment environment = read("application.properties", """
                    # DOCS_URL=${DOCS_URL} is only a comment
                    name=${spring.application.name}
                    mixed=${Mixed_Case}
                    broken=${NEVER_CLOSED
                    real=${REAL}
                    """);

            assertThat(names(environment.variables())).containsExactly("REAL");
        }

        @Test
        void aVariableIsRequiredWhenAnyPlaceholderLacksADefault() {
            AppEnvironment environment = read("application.properties", "a=${DB_HOST:localhost}\nb=${DB_HOST}\n");

            assertThat(environment.variables()).singleElement().satisfies(variable -> {
                assertThat(variable.required()).isTrue();
                assertThat(variable.usedBy()).containsExactly("application.properties: a", "application.properties: b");
            });
        }

        @Test
        void escapedPropertiesSyntaxIsReadAsSpringReadsIt() {
            AppEnvironment environment = read("application.properties", "url=${DB_URL:jdbc\\:h2\\:mem\\:x}\n");

            assertThat(environment.variables().get(0).defaultValue()).isEqualTo("jdbc:h2:mem:x");
        }
    }

    @Nested
    class Files {
        @Test
        void theClusterProfileOverridesBaseDefaultsAndOtherProfilesAreIgnored() {
            AppEnvironment environment = read(
                    "application.properties", "server.address=${SERVER_ADDRESS:127.0.0.1}\n",
                    "application-prod.properties", "server.address=${SERVER_ADDRESS:0.0.0.0}\n",
                    "application-dev.properties", "h2.console=${H2_CONSOLE:true}\n");

            assertThat(environment.variables()).singleElement().satisfies(variable -> {
                assertThat(variable.name()).isEqualTo("SERVER_ADDRESS");
                assertThat(variable.defaultValue()).isEqualTo("0.0.0.0");
            });
        }

        @Test
        void yamlConfigurationIsReadToo() {
            AppEnvironment environment = read("application-prod.yaml", """
                    spring:
                      datasource:
                        # password: ${NOT_THIS}
                        password: ${DB_PASSWORD}
                    """);

            assertThat(environment.variables())
                    .singleElement()
                    .satisfies(variable -> assertThat(variable.usedBy()).containsExactly("application-prod.yaml:4"));
        }

        @Test
        void noConfigurationMeansNoVariables() {
            assertThat(read().variables()).isEmpty();
        }

        @Test
        void aMalformedPropertiesFileIsAContributorBug() {
            assertThatThrownBy(() -> read("application.properties", "bad=\\u12\n"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("application.properties");
        }
    }

    @Nested
    class Secrets {
        @Test
        void namesWithASecretWordAreSecretsAndTheRestAreSettings() {
            AppEnvironment environment = read("application.properties", """
                    a=${DB_PASSWORD}
                    b=${CLIENT_SECRET}
                    c=${SIGNING_KEY}
                    d=${API_TOKEN:}
                    e=${CLOUD_CREDENTIALS}
                    f=${DB_URL}
                    g=${RATE_LIMIT_REQUESTS:100}
                    """);

            assertThat(names(environment.secrets()))
                    .containsExactly("API_TOKEN", "CLIENT_SECRET", "CLOUD_CREDENTIALS", "DB_PASSWORD", "SIGNING_KEY");
            assertThat(names(environment.settings())).containsExactly("DB_URL", "RATE_LIMIT_REQUESTS");
        }

        @Test
        void aSettingAboutASecretIsNotASecret() {
            AppEnvironment environment = read("application.properties", """
                    a=${AUTH_ACCESS_TOKEN_TTL:5m}
                    b=${AUTH_SIGNING_KEY_ROTATE_AFTER:90d}
                    c=${AUTH_KEY_ENCRYPTION_KEY:}
                    """);

            assertThat(names(environment.secrets())).containsExactly("AUTH_KEY_ENCRYPTION_KEY");
            assertThat(names(environment.settings()))
                    .containsExactly("AUTH_ACCESS_TOKEN_TTL", "AUTH_SIGNING_KEY_ROTATE_AFTER");
        }

        @Test
        void theOrderOfTheFileDoesNotChangeTheResult() {
            AppEnvironment forward = read("application.properties", "a=${B_KEY}\nb=${A_URL:x}\n");
            AppEnvironment backward = read("application.properties", "b=${A_URL:x}\na=${B_KEY}\n");

            assertThat(backward.variables()).isEqualTo(forward.variables());
        }
    }
}
