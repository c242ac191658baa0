package com.example.tiny.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the rate limiter: two filters over one {@link BucketStore}.
 *
 * <ul>
 * <li>{@code bruteForceRateLimitFilter}, ordered before Spring Security's filter chain: the brute-force
 * limit on POST to the endpoints that take credentials ({@code kiln.rate-limit.brute-force.paths}), per
 * client address. It must run first because Spring Security answers {@code /login} and
 * {@code /oauth2/token} inside its own chain, so a later filter would never see failed attempts.
 * <li>{@code rateLimitFilter}, ordered after Spring Security's filter chain: the endpoint-group and
 * default limits, which can key on the authenticated principal.
 * </ul>
 *
 * <p>The order comes from {@code spring.security.filter.order} (Spring Boot's default, -100) read as a
 * plain property, so this works the same with or without Spring Security on the class path. Everything
 * is decided at start-up from properties (no {@code @Conditional}), because Spring AOT, which run.sh
 * uses, fixes conditions at build time.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
public class RateLimitConfiguration {
    /** Between the security chain and the filters around it. */
    private static final int GAP = 10;

    /** Wall-clock time: buckets shared through PostgreSQL need the same clock on every replica. */
    @Bean
    TimeMeter rateLimitClock() {
        return TimeMeter.SYSTEM_MILLISECONDS;
    }

    @Bean
    BucketStore rateLimitBucketStore(RateLimitProperties properties, ObjectProvider<DataSource> dataSource,
            TimeMeter rateLimitClock) {
        return switch (properties.store()) {
            case MEMORY -> new LocalBucketStore(properties.memoryMaxCallers(), longestWindow(properties), rateLimitClock);
            case POSTGRES ->
                new PostgresBucketStore(dataSource.getObject(), rateLimitClock, properties.cleanupInterval());
        };
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> bruteForceRateLimitFilter(RateLimitProperties properties,
            BucketStore store, MeterRegistry meters,
            @Value("${spring.security.filter.order:-100}") int securityFilterOrder) {
        return registration("bruteForceRateLimitFilter",
                new RateLimitFilter("brute-force", bruteForceRules(properties), store, meters),
                securityFilterOrder - GAP, properties.enabled());
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimitProperties properties, BucketStore store,
            MeterRegistry meters, @Value("${spring.security.filter.order:-100}") int securityFilterOrder) {
        return registration("rateLimitFilter", new RateLimitFilter("api", apiRules(properties), store, meters),
                securityFilterOrder + GAP, properties.enabled());
    }

    /** The brute-force rule, or none when its requests are 0. */
    static List<RateLimitRule> bruteForceRules(RateLimitProperties properties) {
        RateLimitProperties.BruteForce bruteForce = properties.bruteForce();
        if (bruteForce.requests() <= 0 || bruteForce.paths().isEmpty()) {
            return List.of();
        }
        return List.of(new RateLimitRule("brute-force", List.of("POST"), bruteForce.paths(), bruteForce.requests(),
                bruteForce.window(), RateLimitProperties.Key.IP));
    }

    /**
     * The group rules in order, then the default rule for every other request. A group with requests 0
     * is off: its requests fall through to the next group or the default. Requests the brute-force
     * filter counted are not counted again (see {@link RateLimitFilter#COUNTED}).
     */
    static List<RateLimitRule> apiRules(RateLimitProperties properties) {
        List<RateLimitRule> rules = new ArrayList<>();
        for (RateLimitProperties.Group group : properties.groups()) {
            if (group.requests() > 0) {
                rules.add(new RateLimitRule(group.name(), group.methods(), group.paths(), group.requests(),
                        group.window(), group.key()));
            }
        }
        RateLimitProperties.Limit defaults = properties.defaults();
        if (defaults.requests() > 0) {
            rules.add(new RateLimitRule("default", List.of(), List.of(), defaults.requests(), defaults.window(),
                    defaults.key()));
        }
        return rules;
    }

    private static Duration longestWindow(RateLimitProperties properties) {
        return Stream.concat(
                        Stream.of(properties.bruteForce().window(), properties.defaults().window()),
                        properties.groups().stream().map(RateLimitProperties.Group::window))
                .max(Duration::compareTo)
                .orElseThrow();
    }

    private static FilterRegistrationBean<RateLimitFilter> registration(String name, RateLimitFilter filter, int order,
            boolean enabled) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setName(name);
        registration.setOrder(order);
        registration.setEnabled(enabled);
        return registration;
    }
}
