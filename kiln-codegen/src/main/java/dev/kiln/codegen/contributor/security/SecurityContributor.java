package dev.kiln.codegen.contributor.security;

import dev.kiln.codegen.model.ServiceModel;
import dev.kiln.codegen.spi.BundledSource;
import dev.kiln.codegen.spi.ProjectContributor;
import dev.kiln.codegen.spi.ProjectFiles;
import dev.kiln.spec.AuthFeature;
import dev.kiln.spec.AuthType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Contributes the {@code security} package for {@code features.auth}: Spring Security configuration, the
 * scope rules of {@code /api/**}, the mechanism of the chosen type (embedded OAuth 2.1 authorization server,
 * resource server for an external JWT issuer, or API keys), its migration and its tests. Contributes nothing
 * when the spec has no auth feature or {@code type: none}.
 *
 * <p>The classes that do not vary with the spec are shipped as reviewed sources ({@code security/*.java.txt}
 * and {@code securitytest/*.java.txt}); {@code ApiScopes}, which lists the spec's resources, comes from the
 * code model.
 */
public final class SecurityContributor implements ProjectContributor {
    private static final String MAIN = "/dev/kiln/codegen/security/";
    private static final String TEST = "/dev/kiln/codegen/securitytest/";
    private static final List<String> COMMON = List.of(
            "ApiSecurity", "CommonSecurityConfig", "DevSecrets", "OpenApiSecurity", "ScopePolicy", "SecurityProblems");
    private static final List<String> OAUTH2 = List.of(
            "AccountDetailsService",
            "AccountMailer",
            "AccountSchema",
            "Accounts",
            "AuthorizationServerConfig",
            "BootstrapClient",
            "EmailVerifications",
            "JwtRoles",
            "KeyEncryption",
            "LoggingAccountMailer",
            "PasswordPolicy",
            "RegistrationController",
            "RevocationAwareAuthorizationService",
            "RevokedTokens",
            "SigningKeyController",
            "SigningKeys",
            "VerifiedJwtCache");
    private static final List<String> JWT = List.of("JwtRoles", "JwtSecurityConfig", "VerifiedJwtCache");
    private static final List<String> API_KEY =
            List.of("ApiKeyAuthenticationFilter", "ApiKeyController", "ApiKeys", "ApiKeySecurityConfig");

    @Override
    public void contribute(ServiceModel model, ProjectFiles files) {
        AuthType type = type(model);
        if (type == AuthType.NONE) {
            return;
        }
        String pkg = securityPackage(model);
        String main = "src/main/java/" + pkg.replace('.', '/') + "/";
        String test = "src/test/java/" + pkg.replace('.', '/') + "/";
        for (String name : mainSources(type)) {
            files.addText(main + name + ".java", source(MAIN, name, model));
        }
        files.addText(
                main + "package-info.java",
                "/** Security of the service (features.auth: " + type.id()
                        + "): who may call which endpoint with which scope. */\npackage " + pkg + ";\n");
        AccountTable accounts = AccountTable.of(model);
        files.addMainJava(pkg, ApiScopesWriter.write(model, pkg, type, accounts));
        String migration = SecurityMigration.sql(type, accounts);
        if (type != AuthType.JWT) {
            files.addText(SecurityMigration.PATH, migration);
        }
        for (String name : testSources(type)) {
            files.addText(test + name + ".java", source(TEST, name, model));
        }
        files.addText(test + "TestSecurity.java", source(TEST, "TestSecurity" + suffix(type), model));
    }

    /**
     * Returns the auth type of a spec, {@code none} when it has no auth feature.
     *
     * @param model the analysed spec
     * @return the type
     */
    public static AuthType type(ServiceModel model) {
        AuthFeature auth = model.spec().features().auth();
        return auth == null ? AuthType.NONE : auth.type();
    }

    /**
     * Returns the package of the security classes.
     *
     * @param model the analysed spec
     * @return the base package plus {@code .security}
     */
    public static String securityPackage(ServiceModel model) {
        return model.basePackage() + ".security";
    }

    /**
     * Returns the {@code application.properties} entries of the auth type: each secret or setting is read from
     * an environment variable, never written into the file.
     *
     * @param model the analysed spec
     * @return keys to values in order (keys starting with {@code #} are comments); empty without auth
     */
    public static Map<String, String> properties(ServiceModel model) {
        Map<String, String> p = new LinkedHashMap<>();
        AuthType type = type(model);
        if (type == AuthType.NONE) {
            return p;
        }
        p.put(
                "# Security (features.auth: " + type.id() + "): settings and secrets come from the environment;"
                        + " see README.md, \"Security\".",
                "");
        p.put("kiln.security.cors.allowed-origins", "${CORS_ALLOWED_ORIGINS:}");
        p.put(
                "# Spring Security's own spans (one per filter, authentication and authorization) cost more per"
                        + " request than the checks; HTTP metrics and traces stay. true brings them back.",
                "");
        p.put("management.observations.enable.spring.security", "${SECURITY_OBSERVATIONS_ENABLED:false}");
        switch (type) {
            case OAUTH2 -> {
                p.put("kiln.security.issuer", "${AUTH_ISSUER_URI:}");
                p.put("kiln.security.key-encryption-key", "${AUTH_KEY_ENCRYPTION_KEY:}");
                p.put("kiln.security.access-token-ttl", "${AUTH_ACCESS_TOKEN_TTL:5m}");
                p.put("kiln.security.refresh-token-ttl", "${AUTH_REFRESH_TOKEN_TTL:8h}");
                p.put("kiln.security.signing-key.rotate-after", "${AUTH_SIGNING_KEY_ROTATE_AFTER:30d}");
                p.put("kiln.security.lockout.max-failures", "${AUTH_LOCKOUT_MAX_FAILURES:5}");
                p.put("kiln.security.lockout.duration", "${AUTH_LOCKOUT_DURATION:15m}");
                p.put("kiln.security.client.id", "${OAUTH2_CLIENT_ID:}");
                p.put("kiln.security.client.secret", "${OAUTH2_CLIENT_SECRET:}");
                p.put("kiln.security.client.scopes", "${OAUTH2_CLIENT_SCOPES:read write}");
                p.put("kiln.security.client.redirect-uris", "${OAUTH2_CLIENT_REDIRECT_URIS:}");
            }
            case JWT -> {
                p.put("kiln.security.jwt.issuer-uri", "${JWT_ISSUER_URI:}");
                p.put("kiln.security.jwt.jwk-set-uri", "${JWT_JWK_SET_URI:}");
                p.put("kiln.security.jwt.public-key-location", "${JWT_PUBLIC_KEY_LOCATION:}");
                p.put("kiln.security.jwt.audience", "${JWT_AUDIENCE:}");
            }
            case API_KEY -> {
                p.put("kiln.security.api-key.bootstrap", "${API_KEY_BOOTSTRAP:}");
                p.put("kiln.security.api-key.bootstrap-scopes", "${API_KEY_BOOTSTRAP_SCOPES:read write admin metrics}");
            }
            case NONE -> throw new IllegalStateException("handled above");
        }
        return p;
    }

    private static List<String> mainSources(AuthType type) {
        List<String> names = new ArrayList<>(COMMON);
        names.addAll(
                switch (type) {
                    case OAUTH2 -> OAUTH2;
                    case JWT -> JWT;
                    case API_KEY -> API_KEY;
                    case NONE -> List.of();
                });
        return names;
    }

    private static List<String> testSources(AuthType type) {
        List<String> names = new ArrayList<>(List.of("HttpSupport", "SecurityRulesTest"));
        names.addAll(
                switch (type) {
                    case OAUTH2 -> List.of("AuthorizationServerTest", "KeyPersistenceTest");
                    case JWT -> List.of("JwtIssuerTest");
                    case API_KEY -> List.of("ApiKeyTest");
                    case NONE -> List.of();
                });
        return names;
    }

    private static String suffix(AuthType type) {
        return switch (type) {
            case OAUTH2 -> "OAuth2";
            case JWT -> "Jwt";
            case API_KEY -> "ApiKey";
            case NONE -> throw new IllegalStateException("no tests without auth");
        };
    }

    private static String source(String root, String name, ServiceModel model) {
        return BundledSource.rebased(root, name, model.basePackage(), model.applicationName());
    }
}
