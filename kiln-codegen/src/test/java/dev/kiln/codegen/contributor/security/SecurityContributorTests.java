package dev.kiln.codegen.contributor.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.codegen.GeneratedProject;
import dev.kiln.codegen.TestSpecs;
import dev.kiln.codegen.model.ServiceModel;
import dev.kiln.spec.ServiceSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SecurityContributorTests {
    private static final String SECURITY = "src/main/java/com/example/shop/security/";
    private static final String SECURITY_TESTS = "src/test/java/com/example/shop/security/";
    private static final Pattern SECRET_LIKE = Pattern.compile("(?i)(secret|password|key)[a-z.-]*=(?!\\$\\{)[^\\n]+");

    private static ServiceSpec spec(String auth, String... userFields) {
        StringBuilder yaml = new StringBuilder("kiln: 1\nname: shop\npackage: com.example.shop\nentities:\n")
                .append("  - name: User\n    fields:\n");
        for (String field : userFields) {
            yaml.append("      - ").append(field).append('\n');
        }
        yaml.append("  - name: Order\n    fields:\n      - { name: total, type: decimal, required: true }\n")
                .append("relations:\n  - { from: Order, to: User, kind: many-to-one }\n");
        if (!auth.isEmpty()) {
            yaml.append("features:\n  auth: ").append(auth).append('\n');
        }
        return TestSpecs.yaml(yaml.toString());
    }

    private static final String[] USER = {
        "{ name: email, type: email, required: true, unique: true }",
        "{ name: passwordHash, type: string, required: true, writeOnly: true }",
        "{ name: role, type: enum, values: [USER, ADMIN], required: true, default: USER }",
        "{ name: enabled, type: boolean, required: true, default: \"true\" }",
        "{ name: lastLoginAt, type: datetime }"
    };

    private static GeneratedProject generate(ServiceSpec spec) {
        return TestSpecs.generate(spec);
    }

    private static List<String> paths(GeneratedProject project, String prefix) {
        List<String> out = new ArrayList<>();
        project.paths().forEach(path -> {
            if (path.startsWith(prefix)) {
                out.add(path.substring(prefix.length()));
            }
        });
        return out;
    }

    @Nested
    class WithoutAuth {
        @Test
        void noAuthFeatureMeansNoSpringSecurityAtAll() {
            GeneratedProject project = generate(spec("", USER));
            assertThat(paths(project, SECURITY)).isEmpty();
            assertThat(project.contains(SecurityMigration.PATH)).isFalse();
            assertThat(project.text("pom.xml")).doesNotContain("security");
            assertThat(project.text("src/main/resources/application.properties"))
                    .doesNotContain("kiln.security");
            assertThat(project.text("README.md")).doesNotContain("## Security");
        }

        @Test
        void typeNoneIsTheSameAsNoFeature() {
            GeneratedProject project = generate(spec("{ type: none }", USER));
            assertThat(paths(project, SECURITY)).isEmpty();
            assertThat(project.text("pom.xml")).doesNotContain("security");
        }
    }

    @Nested
    class OAuth2 {
        private final GeneratedProject project = generate(spec("{ type: oauth2, roles: [USER, ADMIN] }", USER));

        @Test
        void generatesTheAuthorizationServerAndItsTests() {
            assertThat(paths(project, SECURITY))
                    .contains(
                            "AuthorizationServerConfig.java",
                            "SigningKeys.java",
                            "ApiScopes.java",
                            "ScopePolicy.java",
                            "package-info.java");
            assertThat(paths(project, SECURITY_TESTS))
                    .containsExactlyInAnyOrder(
                            "AuthorizationServerTest.java",
                            "HttpSupport.java",
                            "KeyPersistenceTest.java",
                            "SecurityRulesTest.java",
                            "TestSecurity.java");
            assertThat(project.text("pom.xml"))
                    .contains("spring-boot-starter-security-oauth2-authorization-server")
                    .contains("spring-boot-starter-security-test");
        }

        @Test
        void bundledSourcesAreMovedIntoTheServicePackages() {
            assertThat(project.text(SECURITY + "Accounts.java")).startsWith("package com.example.shop.security;");
            assertThat(project.text(SECURITY_TESTS + "KeyPersistenceTest.java"))
                    .contains("import com.example.shop.TestData;")
                    .contains("ShopApplication.class")
                    .doesNotContain("com.example.app");
        }

        @Test
        void theUserEntityHoldsTheAccountsAndIsAdminOnly() {
            String scopes = TestSpecs.compact(project.text(SECURITY + "ApiScopes.java"));
            assertThat(scopes)
                    .contains(
                            "new ScopePolicy.Resource(\"users\", true, Map.ofEntries(Map.entry(\"orders\", \"orders\")))")
                    .contains("new ScopePolicy.Resource(\"orders\", false)")
                    .contains("new AccountSchema(\"users\", \"email\", \"password_hash\", \"role\", \"enabled\","
                            + " \"last_login_at\", \"USER\")");
            String sql = project.text(SecurityMigration.PATH);
            assertThat(sql)
                    .contains("create table oauth2_authorization (")
                    .contains("references users (id) on delete cascade")
                    .doesNotContain("create table auth_account (")
                    .doesNotContainPattern("\\n +[a-z_]+ blob");
        }

        @Test
        void noSecretIsWrittenIntoAnyFile() {
            String properties = project.text("src/main/resources/application.properties");
            assertThat(properties)
                    .contains("kiln.security.key-encryption-key=${AUTH_KEY_ENCRYPTION_KEY:}")
                    .contains("kiln.security.client.secret=${OAUTH2_CLIENT_SECRET:}");
            assertThat(SECRET_LIKE.matcher(properties).find()).isFalse();
        }

        @Test
        void testDataSetsThrowawaySecretsForEveryTestContext() {
            assertThat(project.text("src/test/java/com/example/shop/TestData.java"))
                    .contains("@DynamicPropertySource")
                    .contains("TestSecurity.properties(registry)");
        }

        @Test
        void readmeDocumentsEndpointsAndVariables() {
            assertThat(project.text("README.md"))
                    .contains("## Security")
                    .contains("/.well-known/openid-configuration")
                    .contains("AUTH_KEY_ENCRYPTION_KEY")
                    .contains("`/api/users` holds the accounts");
        }
    }

    @Nested
    class Accounts {
        @Test
        void withoutAUserEntityKilnCreatesItsOwnAccountTable() {
            ServiceSpec spec = spec("{ type: oauth2 }", "{ name: nickname, type: string, required: true }");
            AccountTable accounts = AccountTable.of(ServiceModel.of(spec, TestSpecs.VERSION));
            assertThat(accounts.isEntity()).isFalse();
            assertThat(accounts.table()).isEqualTo(AccountTable.OWN_TABLE);
            assertThat(TestSpecs.contribute(new SecurityContributor(), spec).text(SecurityMigration.PATH))
                    .contains("create table auth_account (")
                    .contains("references auth_account (id)");
        }

        @Test
        void aUserEntityWithARequiredFieldWithoutDefaultCannotTakeRegistrations() {
            String[] fields = Arrays.copyOf(USER, USER.length + 1);
            fields[USER.length] = "{ name: displayName, type: string, required: true }";
            ServiceSpec spec = spec("{ type: oauth2 }", fields);
            assertThat(AccountTable.of(ServiceModel.of(spec, TestSpecs.VERSION)).isEntity())
                    .isFalse();
        }

        @Test
        void aPasswordFieldTooShortForAHashIsNotUsed() {
            ServiceSpec spec = spec(
                    "{ type: oauth2 }",
                    "{ name: email, type: email, required: true, unique: true }",
                    "{ name: passwordHash, type: string, maxLength: 20 }");
            assertThat(AccountTable.of(ServiceModel.of(spec, TestSpecs.VERSION)).isEntity())
                    .isFalse();
        }

        @Test
        void theDefaultRoleComesFromTheRoleFieldOrTheSpecRoles() {
            assertThat(AccountTable.defaultRole(List.of("ADMIN", "EDITOR"))).isEqualTo("EDITOR");
            assertThat(AccountTable.defaultRole(List.of())).isEqualTo("USER");
            assertThat(AccountTable.defaultRole(List.of("ADMIN", "USER"))).isEqualTo("USER");
        }
    }

    @Nested
    class OtherTypes {
        @Test
        void jwtIsAResourceServerWithoutTablesOrAccounts() {
            GeneratedProject project = generate(spec("{ type: jwt }", USER));
            assertThat(paths(project, SECURITY))
                    .contains("JwtSecurityConfig.java")
                    .doesNotContain("Accounts.java");
            assertThat(project.contains(SecurityMigration.PATH)).isFalse();
            assertThat(project.text("pom.xml"))
                    .contains("spring-boot-starter-security-oauth2-resource-server")
                    .doesNotContain("authorization-server");
            assertThat(TestSpecs.compact(project.text(SECURITY + "ApiScopes.java")))
                    .contains(
                            "new ScopePolicy.Resource(\"users\", false, Map.ofEntries(Map.entry(\"orders\", \"orders\")))")
                    .doesNotContain("AccountSchema");
            assertThat(project.text("src/main/resources/application.properties"))
                    .contains("kiln.security.jwt.issuer-uri=${JWT_ISSUER_URI:}");
        }

        @Test
        void apiKeyStoresHashedKeys() {
            GeneratedProject project = generate(spec("{ type: apiKey }", USER));
            assertThat(paths(project, SECURITY)).contains("ApiKeys.java", "ApiKeyAuthenticationFilter.java");
            assertThat(project.text(SecurityMigration.PATH))
                    .contains("create table auth_api_key (")
                    .contains("key_hash varchar(64) not null");
            assertThat(project.text("pom.xml"))
                    .contains("<artifactId>spring-boot-starter-security</artifactId>")
                    .doesNotContain("oauth2");
            assertThat(paths(project, SECURITY_TESTS)).contains("ApiKeyTest.java");
        }
    }

    @Test
    void generationIsDeterministic() {
        ServiceSpec spec = spec("{ type: oauth2, roles: [USER, ADMIN] }", USER);
        assertThat(generate(spec).digest()).isEqualTo(generate(spec).digest());
    }
}
