package com.example.tiny.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.jwk.JWK;

import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The embedded OAuth 2.1 / OpenID Connect authorization server and the resource server that
 * guards {@code /api/**} with its tokens.
 *
 * <p>Three filter chains, in order: the authorization server endpoints ({@code /oauth2/*},
 * {@code /.well-known/*}, {@code /userinfo}, {@code /connect/*}); the stateless API
 * ({@code /api/**}, {@code /auth/**}, {@code /actuator/**}, API docs) that takes bearer JWTs;
 * and the session-based login form that the authorization code flow sends users to. Clients,
 * authorizations, consents, accounts and signing keys are all in the database.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class AuthorizationServerConfig {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http, SecurityProblems problems) throws Exception {
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.oidc(oidc -> oidc.clientRegistrationEndpoint(Customizer.withDefaults()));
        });
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        http.authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                .oauth2ResourceServer(resource -> resource.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .cors(Customizer.withDefaults())
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), html)
                        .defaultAuthenticationEntryPointFor(problems, AnyRequestMatcher.INSTANCE));
        ApiSecurity.headers(http);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http, ScopePolicy policy, SecurityProblems problems) throws Exception {
        ApiSecurity.apply(http, policy, problems, rules -> rules
                .requestMatchers("/auth/register", "/auth/verify-email").permitAll()
                .requestMatchers("/auth/keys/**").hasAuthority("SCOPE_" + ScopePolicy.ADMIN));
        http.oauth2ResourceServer(resource -> resource
                .jwt(jwt -> jwt.jwtAuthenticationConverter(JwtRoles.authenticationConverter()))
                .authenticationEntryPoint(problems)
                .accessDeniedHandler(problems));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain loginChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                .formLogin(Customizer.withDefaults());
        ApiSecurity.headers(http);
        return http.build();
    }

    @Bean
    OpenApiCustomizer openApiSecurity(ScopePolicy policy) {
        return OpenApiSecurity.oauth2(policy);
    }

    @Bean
    SecurityProblems securityProblems() {
        return new SecurityProblems("Bearer", "a valid access token");
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        DelegatingPasswordEncoder encoder =
                (DelegatingPasswordEncoder) PasswordEncoderFactories.createDelegatingPasswordEncoder();
        // A hash without an {id} prefix (e.g. typed into the API as plain text) never matches.
        encoder.setDefaultPasswordEncoderForMatches(new NeverMatches());
        return encoder;
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(JdbcTemplate jdbc) {
        return new JdbcRegisteredClientRepository(jdbc);
    }

    @Bean
    RevokedTokens revokedTokens(JdbcTemplate jdbc, Clock clock) {
        return new RevokedTokens(jdbc, clock);
    }

    @Bean
    OAuth2AuthorizationService authorizationService(JdbcTemplate jdbc, RegisteredClientRepository clients,
            RevokedTokens revoked) {
        return new RevocationAwareAuthorizationService(new JdbcOAuth2AuthorizationService(jdbc, clients), revoked);
    }

    @Bean
    OAuth2AuthorizationConsentService authorizationConsentService(JdbcTemplate jdbc,
            RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(@Value("${kiln.security.issuer:}") String issuer) {
        AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
        if (!issuer.isBlank()) {
            settings.issuer(issuer);
        }
        return settings.build();
    }

    @Bean
    KeyEncryption keyEncryption(@Value("${kiln.security.key-encryption-key:}") String key, Environment environment) {
        if (key.isBlank()) {
            DevSecrets.requireOrWarn(environment, "AUTH_KEY_ENCRYPTION_KEY",
                    "Signing keys stored now cannot be read after a restart; their tokens become invalid.");
            return KeyEncryption.random();
        }
        return KeyEncryption.fromBase64(key);
    }

    @Bean
    SigningKeys signingKeys(JdbcTemplate jdbc, KeyEncryption encryption, Clock clock,
            @Value("${kiln.security.signing-key.rotate-after:30d}") Duration rotateAfter) {
        return new SigningKeys(jdbc, encryption, rotateAfter, Duration.ofDays(1), clock);
    }

    @Bean
    JwtEncoder jwtEncoder(SigningKeys keys) {
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(keys);
        encoder.setJwkSelector(List::getFirst);
        return encoder;
    }

    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, RevokedTokens revoked, @Value("${kiln.security.issuer:}") String issuer) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).jwsAlgorithm(SignatureAlgorithm.RS256).build();
        OAuth2TokenValidator<Jwt> standard = issuer.isBlank() ? JwtValidators.createDefault()
                : JwtValidators.createDefaultWithIssuer(issuer);
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(standard, revoked);
        decoder.setJwtValidator(validator);
        return new VerifiedJwtCache(decoder, validator);
    }

    /** Puts the user's roles into access tokens and keeps admin-level scopes for the admin role. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> tokenCustomizer() {
        return context -> {
            Authentication principal = context.getPrincipal();
            if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())
                    || !(principal instanceof UsernamePasswordAuthenticationToken)) {
                return;
            }
            List<String> roles = new ArrayList<>();
            for (GrantedAuthority authority : principal.getAuthorities()) {
                String name = authority.getAuthority();
                if (name != null && name.startsWith("ROLE_")) {
                    roles.add(name.substring("ROLE_".length()));
                }
            }
            context.getClaims().claim("roles", roles);
            if (!roles.contains(ApiScopes.ADMIN_ROLE)) {
                Set<String> scopes = new LinkedHashSet<>(context.getAuthorizedScopes());
                scopes.removeIf(ScopePolicy::isAdminLevel);
                context.getClaims().claim("scope", scopes);
            }
        };
    }

    @Bean
    Accounts accounts(JdbcTemplate jdbc, Clock clock) {
        return new Accounts(jdbc, ApiScopes.ACCOUNTS, clock);
    }

    @Bean
    AccountDetailsService accountDetailsService(Accounts accounts, Clock clock,
            @Value("${kiln.security.lockout.max-failures:5}") int maxFailures,
            @Value("${kiln.security.lockout.duration:15m}") Duration lockFor) {
        return new AccountDetailsService(accounts, maxFailures, lockFor, clock);
    }

    @Bean
    EmailVerifications emailVerifications(JdbcTemplate jdbc, Clock clock) {
        return new EmailVerifications(jdbc, clock);
    }

    @Bean
    LoggingAccountMailer accountMailer() {
        return new LoggingAccountMailer();
    }

    @Bean
    BootstrapClient bootstrapClient(RegisteredClientRepository clients, PasswordEncoder passwords,
            Environment environment, @Value("${kiln.security.client.id:}") String clientId,
            @Value("${kiln.security.client.secret:}") String secret,
            @Value("${kiln.security.client.scopes:read write}") String scopes,
            @Value("${kiln.security.client.redirect-uris:}") String redirectUris,
            @Value("${kiln.security.access-token-ttl:5m}") Duration accessTtl,
            @Value("${kiln.security.refresh-token-ttl:8h}") Duration refreshTtl) {
        return new BootstrapClient(clients, passwords, environment,
                new BootstrapClient.Settings(clientId, secret, scopes, redirectUris, accessTtl, refreshTtl));
    }

    @Bean
    Housekeeping securityHousekeeping(JdbcTemplate jdbc, RevokedTokens revoked, EmailVerifications verifications,
            Clock clock) {
        return new Housekeeping(jdbc, revoked, verifications, clock);
    }

    /** Deletes expired authorizations, revoked-token rows and verification tokens every hour. */
    public static final class Housekeeping {
        private final JdbcTemplate jdbc;
        private final RevokedTokens revoked;
        private final EmailVerifications verifications;
        private final Clock clock;

        Housekeeping(JdbcTemplate jdbc, RevokedTokens revoked, EmailVerifications verifications, Clock clock) {
            this.jdbc = jdbc;
            this.revoked = revoked;
            this.verifications = verifications;
            this.clock = clock;
        }

        @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT1H")
        public void purge() {
            Timestamp cutoff = Timestamp.from(clock.instant().minus(Duration.ofDays(1)));
            jdbc.update("delete from oauth2_authorization where coalesce(refresh_token_expires_at,"
                    + " access_token_expires_at, authorization_code_expires_at) < ?", cutoff);
            revoked.purge();
            verifications.purge();
        }
    }

    /** Matches nothing: the fallback for hashes without an {@code {id}} prefix. */
    static final class NeverMatches implements PasswordEncoder {
        @Override
        public String encode(CharSequence raw) {
            throw new UnsupportedOperationException("only used to match");
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            return false;
        }
    }
}
