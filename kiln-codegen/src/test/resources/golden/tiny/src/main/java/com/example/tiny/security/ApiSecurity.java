package com.example.tiny.security;

import java.util.Arrays;
import java.util.List;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * What every security configuration of this service shares: the paths anyone may call, stateless
 * sessions, CORS, security headers, problem+json for 401 and 403, and the scope rules of
 * {@link ScopePolicy} for {@code /api/**}.
 */
public final class ApiSecurity {

    /** The paths the API filter chain handles. */
    public static final String[] PATHS = {"/api/**", "/auth/**", "/actuator/**", "/v3/api-docs", "/v3/api-docs/**",
            "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**", "/error"};

    /** Paths open to anyone: health probes, the API documents (unless turned off) and error pages. */
    public static final String[] PUBLIC = {"/actuator/health", "/actuator/health/**", "/actuator/info",
            "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**", "/error"};

    /** The Content-Security-Policy: same-origin only, no framing (Swagger UI needs inline styles). */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private ApiSecurity() {
    }

    /**
     * Applies the shared settings; the caller adds how credentials are read.
     *
     * @param extraRules rules for paths of the chosen mechanism (e.g. key management), applied
     *        before the catch-all denial
     */
    public static HttpSecurity apply(HttpSecurity http, ScopePolicy policy, SecurityProblems problems,
            Customizer extraRules) {
        http.securityMatcher(PATHS)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .cors(cors -> {
                })
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems));
        headers(http);
        http.authorizeHttpRequests(authorize -> {
            authorize.requestMatchers(PUBLIC).permitAll()
                    .requestMatchers("/actuator/prometheus").hasAuthority("SCOPE_" + ScopePolicy.METRICS);
            extraRules.customize(authorize);
            authorize.requestMatchers("/api/**").access(policy).anyRequest().denyAll();
        });
        return http;
    }

    /** Security headers for every response of a chain. */
    public static void headers(HttpSecurity http) {
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                .frameOptions(frame -> frame.deny())
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
    }

    /**
     * CORS for browsers on other origins: none unless {@code CORS_ALLOWED_ORIGINS} lists them
     * (comma-separated, e.g. {@code https://app.example.com}).
     */
    public static CorsConfigurationSource cors(String allowedOrigins) {
        List<String> origins = Arrays.stream(allowedOrigins.split(",")).map(String::trim).filter(o -> !o.isEmpty())
                .toList();
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (origins.isEmpty()) {
            return source;
        }
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(origins);
        config.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
        config.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-Match", "X-API-Key"));
        config.setExposedHeaders(List.of("ETag", "Location", "WWW-Authenticate"));
        config.setMaxAge(3600L);
        source.registerCorsConfiguration("/api/**", config);
        source.registerCorsConfiguration("/oauth2/**", config);
        source.registerCorsConfiguration("/auth/**", config);
        return source;
    }

    /** Rules a mechanism adds before the catch-all. */
    @FunctionalInterface
    public interface Customizer {
        void customize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);
    }
}
