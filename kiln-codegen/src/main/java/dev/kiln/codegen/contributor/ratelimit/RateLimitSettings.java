package dev.kiln.codegen.contributor.ratelimit;

import dev.kiln.codegen.model.RateLimitModel;
import dev.kiln.codegen.model.ServiceModel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code kiln.rate-limit.*} lines of a generated service's {@code application*.properties}.
 *
 * <p>Each tunable value is a placeholder {@code ${RATE_LIMIT_...:spec value}}, so the environment
 * overrides it without a rebuild (and, for the groups, without replacing the whole list, which is what
 * overriding one indexed property would do). Keys starting with {@code #} are comment lines.
 */
public final class RateLimitSettings {
    private RateLimitSettings() {}

    /**
     * Returns the settings every profile shares.
     *
     * @param model the service
     * @return property to value, in file order; empty without a rate limiter
     */
    public static Map<String, String> common(ServiceModel model) {
        Map<String, String> p = new LinkedHashMap<>();
        Optional<RateLimitModel> limits = RateLimitModel.of(model.spec());
        if (limits.isEmpty()) {
            return p;
        }
        String env = RateLimitModel.ENV_PREFIX;
        p.put("# Rate limits (README.md, \"Rate limits\"): every value can be set from the environment.", "");
        p.put("kiln.rate-limit.enabled", "${" + env + "ENABLED:true}");
        p.put("kiln.rate-limit.memory-max-callers", "${" + env + "MEMORY_MAX_CALLERS:20000}");
        p.put("kiln.rate-limit.cleanup-interval", "${" + env + "CLEANUP_INTERVAL:5m}");
        RateLimitModel.Limit bruteForce = limits.get().bruteForce();
        p.put("# Brute-force limit: POST to these paths, per client address, checked before authentication.", "");
        p.put(bruteForce.property() + ".requests", placeholder(bruteForce.env() + "REQUESTS", bruteForce.requests()));
        p.put(bruteForce.property() + ".window", placeholder(bruteForce.env() + "WINDOW", bruteForce.window()));
        p.put(bruteForce.property() + ".paths", String.join(",", bruteForce.paths()));
        p.put("# Endpoint groups, tried in order (first match wins), then the default for every other request.", "");
        for (RateLimitModel.Limit group : limits.get().groups()) {
            p.put(group.property() + ".name", group.name());
            if (!group.methods().isEmpty()) {
                p.put(group.property() + ".methods", String.join(",", group.methods()));
            }
            p.put(group.property() + ".paths", String.join(",", group.paths()));
            limit(p, group);
        }
        limit(p, limits.get().defaults());
        return p;
    }

    /**
     * Returns the settings of the {@code dev} profile: buckets in memory.
     *
     * @param model the service
     * @return property to value; empty without a rate limiter
     */
    public static Map<String, String> dev(ServiceModel model) {
        return store(model, "memory");
    }

    /**
     * Returns the settings of the {@code prod} profile: buckets in PostgreSQL, shared by every replica.
     *
     * @param model the service
     * @return property to value; empty without a rate limiter
     */
    public static Map<String, String> prod(ServiceModel model) {
        return store(model, "postgres");
    }

    private static Map<String, String> store(ServiceModel model, String store) {
        Map<String, String> p = new LinkedHashMap<>();
        if (RateLimitModel.of(model.spec()).isPresent()) {
            p.put("kiln.rate-limit.store", "${" + RateLimitModel.ENV_PREFIX + "STORE:" + store + "}");
        }
        return p;
    }

    private static void limit(Map<String, String> p, RateLimitModel.Limit limit) {
        p.put(limit.property() + ".requests", placeholder(limit.env() + "REQUESTS", limit.requests()));
        p.put(limit.property() + ".window", placeholder(limit.env() + "WINDOW", limit.window()));
        p.put(limit.property() + ".key", placeholder(limit.env() + "BY", limit.key()));
    }

    private static String placeholder(String variable, Object fallback) {
        return "${" + variable + ":" + fallback + "}";
    }
}
