package com.example.tiny.security;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.cors.CorsConfigurationSource;

/** The security beans every auth type shares: scope rules, CORS, firewall rejections, the clock. */
@Configuration(proxyBeanMethods = false)
public class CommonSecurityConfig {

    @Bean
    ScopePolicy scopePolicy() {
        return new ScopePolicy(ApiScopes.RESOURCES);
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(@Value("${kiln.security.cors.allowed-origins:}") String origins) {
        return ApiSecurity.cors(origins);
    }

    /** URLs the firewall rejects (encoded slashes, "%25", ...) get a 400 problem, like every other error. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return SecurityProblems::rejected;
    }

    @Bean
    Clock securityClock() {
        return Clock.systemUTC();
    }
}
