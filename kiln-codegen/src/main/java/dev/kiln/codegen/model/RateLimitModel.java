package dev.kiln.codegen.model;

import dev.kiln.spec.AuthType;
import dev.kiln.spec.BruteForceLimit;
import dev.kiln.spec.Features;
import dev.kiln.spec.RateLimitFeature;
import dev.kiln.spec.RateLimitGroup;
import dev.kiln.spec.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rate limits a generated service enforces, and the settings and environment variables that tune
 * them.
 *
 * <p>A service gets a rate limiter when its spec has {@code features.rateLimit} or authenticates callers
 * (then at least the brute-force limit on {@link BruteForceLimit#PATHS}). Every number is a setting
 * {@code kiln.rate-limit.*} whose value comes from an environment variable with the spec's value as
 * default, so operators change limits without a rebuild.
 */
public final class RateLimitModel {
    /** The prefix of every environment variable the rate limiter reads. */
    public static final String ENV_PREFIX = "RATE_LIMIT_";

    /**
     * One limit as the generated service configures it.
     *
     * @param name the limit's name: a group name, {@code default} or {@code brute-force}
     * @param property where its settings live, e.g. {@code kiln.rate-limit.groups[0]}
     * @param env the prefix of its environment variables, e.g. {@code RATE_LIMIT_WRITES_}
     * @param methods HTTP methods, upper case; empty for all
     * @param paths Spring path patterns; empty for all
     * @param requests requests per window; 0 for none
     * @param window the window as a Spring duration, e.g. {@code 1m}
     * @param key the key as the service's setting spells it, e.g. {@code api-key}
     */
    public record Limit(
            String name,
            String property,
            String env,
            List<String> methods,
            List<String> paths,
            int requests,
            String window,
            String key) {}

    private final Limit bruteForce;
    private final Limit defaults;
    private final List<Limit> groups;

    private RateLimitModel(Limit bruteForce, Limit defaults, List<Limit> groups) {
        this.bruteForce = bruteForce;
        this.defaults = defaults;
        this.groups = List.copyOf(groups);
    }

    /**
     * Analyses a spec's rate limits.
     *
     * @param spec a validated spec
     * @return the limits, or empty when the service has no rate limiter
     */
    public static Optional<RateLimitModel> of(ServiceSpec spec) {
        Features features = spec.features();
        RateLimitFeature feature = features.rateLimit();
        boolean authenticated = features.auth() != null && features.auth().type() != AuthType.NONE;
        if (feature == null && !authenticated) {
            return Optional.empty();
        }
        BruteForceLimit brute = feature == null ? BruteForceLimit.DEFAULT : feature.effectiveBruteForce();
        Limit bruteForce = new Limit(
                "brute-force",
                "kiln.rate-limit.brute-force",
                ENV_PREFIX + "BRUTE_FORCE_",
                List.of("POST"),
                BruteForceLimit.PATHS,
                brute.requests(),
                window(brute.effectivePer()),
                "ip");
        if (feature == null) {
            Limit none =
                    new Limit("default", "kiln.rate-limit.default", ENV_PREFIX, List.of(), List.of(), 0, "1m", "ip");
            return Optional.of(new RateLimitModel(bruteForce, none, List.of()));
        }
        Limit defaults = new Limit(
                "default",
                "kiln.rate-limit.default",
                ENV_PREFIX,
                List.of(),
                List.of(),
                feature.requests(),
                window(feature.effectivePer()),
                key(feature.effectiveKey()));
        List<Limit> groups = new ArrayList<>();
        for (int i = 0; i < feature.groups().size(); i++) {
            RateLimitGroup group = feature.groups().get(i);
            groups.add(new Limit(
                    group.name(),
                    "kiln.rate-limit.groups[" + i + "]",
                    env(group.name()),
                    group.methods(),
                    group.paths(),
                    group.requests(),
                    window(group.effectivePer(feature)),
                    key(group.effectiveKey(feature))));
        }
        return Optional.of(new RateLimitModel(bruteForce, defaults, groups));
    }

    /**
     * Returns the brute-force limit on endpoints that take credentials.
     *
     * @return the limit, keyed by address, for {@code POST}
     */
    public Limit bruteForce() {
        return bruteForce;
    }

    /**
     * Returns the limit of requests no group matches.
     *
     * @return the limit; its requests are 0 when the spec has no {@code rateLimit}
     */
    public Limit defaults() {
        return defaults;
    }

    /**
     * Returns the endpoint-group limits in the order they are tried.
     *
     * @return the groups; empty when the spec declares none
     */
    public List<Limit> groups() {
        return groups;
    }

    /**
     * Returns every limit: brute-force, groups in order, then the default.
     *
     * @return the limits
     */
    public List<Limit> all() {
        List<Limit> all = new ArrayList<>();
        all.add(bruteForce);
        all.addAll(groups);
        all.add(defaults);
        return all;
    }

    /**
     * Returns the prefix of a group's environment variables.
     *
     * @param groupName a kebab-case group name
     * @return for example {@code RATE_LIMIT_BULK_IMPORT_}
     */
    public static String env(String groupName) {
        return ENV_PREFIX + groupName.replace('-', '_').toUpperCase(Locale.ROOT) + "_";
    }

    /**
     * Returns a spec window as a Spring Boot duration.
     *
     * @param per {@code second}, {@code minute}, {@code hour} or {@code day}
     * @return {@code 1s}, {@code 1m}, {@code 1h} or {@code 1d}
     */
    public static String window(String per) {
        return "1" + per.charAt(0);
    }

    private static String key(String specKey) {
        return "apiKey".equals(specKey) ? "api-key" : specKey;
    }
}
