package com.example.tiny.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Describes the security of {@code /api/**} in the OpenAPI document: the scheme, and for each
 * operation the scopes {@link ScopePolicy} requires (as alternative requirements) plus its 401
 * and 403 answers.
 */
public final class OpenApiSecurity {

    private OpenApiSecurity() {
    }

    /** For the embedded authorization server: client credentials and authorization code flows. */
    public static OpenApiCustomizer oauth2(ScopePolicy policy) {
        Scopes scopes = new Scopes();
        for (String scope : policy.allScopes()) {
            scopes.addString(scope, describe(scope));
        }
        SecurityScheme scheme = new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
                .description("OAuth 2.1 access tokens (JWT) from this service's authorization server")
                .flows(new OAuthFlows()
                        .clientCredentials(new OAuthFlow().tokenUrl("/oauth2/token").scopes(scopes))
                        .authorizationCode(new OAuthFlow().authorizationUrl("/oauth2/authorize")
                                .tokenUrl("/oauth2/token").refreshUrl("/oauth2/token").scopes(scopes)));
        return customizer(policy, "oauth2", scheme, true);
    }

    /** For an external issuer: bearer JWTs whose {@code scope} claim carries the scopes. */
    public static OpenApiCustomizer bearer(ScopePolicy policy) {
        SecurityScheme scheme = new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT")
                .description("JWT access tokens from the configured issuer; scopes in the 'scope' claim");
        return customizer(policy, "bearer", scheme, false);
    }

    /** For API keys in the {@code X-API-Key} header, each created with a set of scopes. */
    public static OpenApiCustomizer apiKey(ScopePolicy policy) {
        SecurityScheme scheme = new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER)
                .name("X-API-Key").description("An API key; each key is created with a set of scopes");
        return customizer(policy, "apiKey", scheme, false);
    }

    private static OpenApiCustomizer customizer(ScopePolicy policy, String name, SecurityScheme scheme,
            boolean scopesInRequirement) {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSecuritySchemes(name, scheme);
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                List<Set<String>> alternatives = policy.alternatives(method.name(), path);
                for (Set<String> scopes : alternatives) {
                    operation.addSecurityItem(new SecurityRequirement()
                            .addList(name, scopesInRequirement ? new ArrayList<>(scopes) : List.of()));
                }
                if (!scopesInRequirement) {
                    operation.addExtension("x-scopes", alternatives.stream().map(ArrayList::new).toList());
                }
                respond(operation, "401", "Missing, invalid, expired or revoked credentials");
                respond(operation, "403", "The credentials lack the scope this operation needs");
            }));
        };
    }

    private static void respond(Operation operation, String status, String description) {
        if (operation.getResponses() == null || operation.getResponses().containsKey(status)) {
            return;
        }
        operation.getResponses().addApiResponse(status, new ApiResponse().description(description)
                .content(new Content().addMediaType("application/problem+json",
                        new MediaType().schema(new Schema<>().type("object")))));
    }

    private static String describe(String scope) {
        return switch (scope) {
            case ScopePolicy.READ -> "Read every resource";
            case ScopePolicy.WRITE -> "Create and change every resource";
            case ScopePolicy.ADMIN -> "Delete, and manage accounts and keys";
            case ScopePolicy.METRICS -> "Read Prometheus metrics";
            default -> "Level '" + scope.substring(scope.indexOf(':') + 1) + "' on /api/"
                    + scope.substring(0, scope.indexOf(':'));
        };
    }
}
