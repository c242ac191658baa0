package dev.kiln.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A rate limit for a group of endpoints, for example writes: {@code POST, PUT, PATCH, DELETE} on
 * {@code /api/**}.
 *
 * <p>A request belongs to the group when its method is one of {@code methods} (any method when empty) and
 * its path matches one of {@code paths} (Spring path patterns: {@code *} within a segment, {@code {id}} for
 * one segment, {@code **} for the rest of the path).
 *
 * @param name kebab-case name, unique within the feature; it names the group's settings in the service
 * @param methods the HTTP methods, upper case; empty for every method
 * @param paths the path patterns, each starting with {@code /}
 * @param requests requests allowed per window
 * @param per the window, or null for the feature's
 * @param key who the limit applies to, or null for the feature's
 */
@JsonPropertyOrder({"name", "methods", "paths", "requests", "per", "key"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RateLimitGroup(
        String name,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> methods,
        List<String> paths,
        int requests,
        @Nullable String per,
        @Nullable String key) {

    /** Normalises absent lists to empty ones. */
    public RateLimitGroup {
        methods = methods == null ? List.of() : List.copyOf(methods);
        paths = paths == null ? List.of() : List.copyOf(paths);
    }

    /**
     * Returns the window in effect.
     *
     * @param feature the feature the group belongs to
     * @return {@code per}, or the feature's window
     */
    public String effectivePer(RateLimitFeature feature) {
        return per == null ? feature.effectivePer() : per;
    }

    /**
     * Returns the key in effect.
     *
     * @param feature the feature the group belongs to
     * @return {@code key}, or the feature's key
     */
    public String effectiveKey(RateLimitFeature feature) {
        return key == null ? feature.effectiveKey() : key;
    }
}
