package com.example.tiny.ratelimit;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * The {@code kiln.rate-limit.*} settings. Every one is read at start-up (also with Spring AOT), so limits
 * change through environment variables without a rebuild; application.properties maps them.
 *
 * @param enabled whether any limit applies ({@code RATE_LIMIT_ENABLED})
 * @param store where bucket state lives: {@code memory} (one instance) or {@code postgres} (shared by
 *        every replica through the {@code rate_limit_buckets} table)
 * @param memoryMaxCallers how many callers the memory store tracks at most; the least recently seen are dropped
 * @param cleanupInterval how often the postgres store deletes expired buckets
 * @param bruteForce the brute-force limit on endpoints that take credentials, checked before
 *        authentication, per client address
 * @param defaults the limit of every request that no group matches; {@code requests=0} for none
 * @param groups limits for endpoint groups, tried in order; the first that matches decides
 */
@ConfigurationProperties("kiln.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("memory") Store store,
        @DefaultValue("20000") int memoryMaxCallers,
        @DefaultValue("5m") Duration cleanupInterval,
        @DefaultValue BruteForce bruteForce,
        @Name("default") @DefaultValue Limit defaults,
        @DefaultValue List<Group> groups) {

    /** Where bucket state lives. */
    public enum Store {
        /** In this JVM: right for one instance and for development. */
        MEMORY,
        /** In PostgreSQL, shared by every replica (Bucket4j's select-for-update proxy manager). */
        POSTGRES
    }

    /** Who a limit counts requests for. */
    public enum Key {
        /** The client address ({@code request.getRemoteAddr()}). */
        IP,
        /** The authenticated user: the principal's name. */
        USER,
        /** The authenticated client: the principal's name (a client-credentials token's subject is the client id). */
        CLIENT,
        /** The {@code X-API-Key} header, hashed. */
        API_KEY
    }

    /**
     * The brute-force limit: POST to {@code paths}, per client address.
     *
     * @param requests attempts per window; 0 turns it off
     * @param window the window
     * @param paths path patterns of the endpoints that take credentials
     */
    public record BruteForce(
            @DefaultValue("10") long requests,
            @DefaultValue("1m") Duration window,
            @DefaultValue List<String> paths) {}

    /**
     * A limit without its own matcher.
     *
     * @param requests requests per window; 0 for no limit
     * @param window the window
     * @param key who the limit counts requests for
     */
    public record Limit(
            @DefaultValue("0") long requests,
            @DefaultValue("1m") Duration window,
            @DefaultValue("ip") Key key) {}

    /**
     * A limit for an endpoint group.
     *
     * @param name the group's name, shown in 429 answers and metrics
     * @param methods HTTP methods; empty for every method
     * @param paths Spring path patterns
     * @param requests requests per window; 0 turns the group off (its requests fall through to the next group)
     * @param window the window
     * @param key who the limit counts requests for
     */
    public record Group(
            String name,
            @DefaultValue List<String> methods,
            List<String> paths,
            long requests,
            @DefaultValue("1m") Duration window,
            @DefaultValue("ip") Key key) {}
}
