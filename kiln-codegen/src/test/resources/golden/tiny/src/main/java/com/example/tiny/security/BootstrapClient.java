package com.example.tiny.security;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * Registers (or updates) the client named by {@code OAUTH2_CLIENT_ID} and
 * {@code OAUTH2_CLIENT_SECRET} at start-up, so a fresh deployment has a first client without
 * touching the database. It may use client credentials with the scopes in
 * {@code OAUTH2_CLIENT_SCOPES}; with {@code OAUTH2_CLIENT_REDIRECT_URIS} it may also send users
 * through the authorization code flow (PKCE required) and use refresh tokens.
 *
 * <p>In the dev profile without {@code OAUTH2_CLIENT_ID}, a throwaway client with a random secret
 * is registered and printed with a warning.
 */
public class BootstrapClient implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapClient.class);

    private final RegisteredClientRepository clients;
    private final PasswordEncoder passwords;
    private final Environment environment;
    private final Settings settings;

    /**
     * The client to register and the token lifetimes of every bootstrap client.
     *
     * @param clientId the client id, blank for none
     * @param secret the client secret
     * @param scopes the scopes, separated by spaces or commas
     * @param redirectUris the redirect URIs, separated by commas; blank for client credentials only
     * @param accessTokenTtl the access token lifetime
     * @param refreshTokenTtl the refresh token lifetime
     */
    public record Settings(String clientId, String secret, String scopes, String redirectUris,
            Duration accessTokenTtl, Duration refreshTokenTtl) {
    }

    public BootstrapClient(RegisteredClientRepository clients, PasswordEncoder passwords, Environment environment,
            Settings settings) {
        this.clients = clients;
        this.passwords = passwords;
        this.environment = environment;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!settings.clientId().isBlank()) {
            if (settings.secret().isBlank()) {
                throw new IllegalStateException("OAUTH2_CLIENT_ID is set but OAUTH2_CLIENT_SECRET is not");
            }
            register(settings.clientId(), settings.secret(), split(settings.scopes()), split(settings.redirectUris()));
            log.info("Registered OAuth2 client {} from OAUTH2_CLIENT_ID", settings.clientId());
            return;
        }
        if (DevSecrets.isDev(environment)) {
            byte[] raw = new byte[24];
            new SecureRandom().nextBytes(raw);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
            register("dev-client", secret, Set.of(ScopePolicy.READ, ScopePolicy.WRITE, ScopePolicy.ADMIN,
                    ScopePolicy.METRICS), Set.of());
            DevSecrets.requireOrWarn(environment, "OAUTH2_CLIENT_ID",
                    "Throwaway client 'dev-client' with secret '" + secret + "' may use client credentials.");
        }
    }

    /** Registers or updates a confidential client. */
    public RegisteredClient register(String clientId, String secret, Set<String> scopes, Set<String> redirectUris) {
        RegisteredClient existing = clients.findByClientId(clientId);
        RegisteredClient.Builder client = RegisteredClient
                .withId(existing == null ? UUID.randomUUID().toString() : existing.getId())
                .clientId(clientId)
                .clientName(clientId)
                .clientSecret(passwords.encode(secret))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(s -> s.addAll(scopes))
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(settings.accessTokenTtl())
                        .refreshTokenTimeToLive(settings.refreshTokenTtl())
                        .reuseRefreshTokens(false)
                        .idTokenSignatureAlgorithm(SignatureAlgorithm.RS256)
                        .build());
        if (existing != null) {
            client.clientIdIssuedAt(existing.getClientIdIssuedAt());
        }
        if (!redirectUris.isEmpty()) {
            client.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                    .redirectUris(uris -> uris.addAll(redirectUris))
                    .scope(OidcScopes.OPENID)
                    .scope(OidcScopes.PROFILE);
        }
        RegisteredClient built = client.build();
        clients.save(built);
        return built;
    }

    private static Set<String> split(String list) {
        Set<String> out = new LinkedHashSet<>();
        Arrays.stream(list.split("[,\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).forEach(out::add);
        return out;
    }
}
