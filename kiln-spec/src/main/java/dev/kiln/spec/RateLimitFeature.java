package dev.kiln.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The {@code rateLimit} feature: how many requests a caller may make in a window.
 *
 * @param requests requests allowed per window
 * @param per the window: {@code second}, {@code minute}, {@code hour} or {@code day}
 * @param key who a limit applies to: {@code ip}, {@code user}, {@code client} or {@code apiKey}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RateLimitFeature(
        int requests, @Nullable String per, @Nullable String key) {

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
}
