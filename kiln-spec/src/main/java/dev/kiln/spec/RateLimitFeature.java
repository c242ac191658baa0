package dev.kiln.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code rateLimit} feature: how many requests a caller may make in a window.
 *
 * <p>{@code requests}, {@code per} and {@code key} are the limit of every request that no group matches.
 * {@code groups} give other limits to endpoint groups (the first group that matches a request decides its
 * limit); {@code bruteForce} tunes the brute-force limit on sign-in endpoints, which a service with
 * authentication has even without this feature.
 *
 * @param requests requests allowed per window
 * @param per the window: {@code second}, {@code minute}, {@code hour} or {@code day}
 * @param key who a limit applies to: {@code ip}, {@code user}, {@code client} or {@code apiKey}
 * @param groups limits for endpoint groups, tried in order; empty for none
 * @param bruteForce the brute-force limit on sign-in endpoints, or null for {@link BruteForceLimit#DEFAULT}
 */
@JsonPropertyOrder({"requests", "per", "key", "groups", "bruteForce"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RateLimitFeature(
        int requests,
        @Nullable String per,
        @Nullable String key,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<RateLimitGroup> groups,
        @Nullable BruteForceLimit bruteForce) {

    /** Normalises an absent group list to an empty one. */
    public RateLimitFeature {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /**
     * Creates a single limit for every request, without groups.
     *
     * @param requests requests allowed per window
     * @param per the window, or null for {@code minute}
     * @param key who the limit applies to, or null for {@code ip}
     */
    public RateLimitFeature(int requests, @Nullable String per, @Nullable String key) {
        this(requests, per, key, List.of(), null);
    }

    /**
     * Returns the window in effect.
     *
     * @return {@code per}, or {@code minute}
     */
    public String effectivePer() {
        return per == null ? "minute" : per;
    }

    /**
     * Returns the key in effect.
     *
     * @return {@code key}, or {@code ip}
     */
    public String effectiveKey() {
        return key == null ? "ip" : key;
    }

    /**
     * Returns the brute-force limit in effect.
     *
     * @return {@code bruteForce}, or {@link BruteForceLimit#DEFAULT}
     */
    public BruteForceLimit effectiveBruteForce() {
        return bruteForce == null ? BruteForceLimit.DEFAULT : bruteForce;
    }
}
