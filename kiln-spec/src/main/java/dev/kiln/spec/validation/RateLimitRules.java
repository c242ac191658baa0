package dev.kiln.spec.validation;

import dev.kiln.spec.RateLimitFeature;
import dev.kiln.spec.RateLimitGroup;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Checks a {@code rateLimit} feature beyond its schema: keys that need authentication, group names that
 * are unique and not reserved, path patterns a generated service can compile, and groups that can apply.
 */
final class RateLimitRules {
    /** Names the generated service uses for its own limits. */
    static final Set<String> RESERVED_NAMES = Set.of("default", "brute-force");

    /** Paths that are never limited, so health probes and metrics scrapes always get through. */
    static final String EXEMPT_PREFIX = "/actuator";

    private RateLimitRules() {}

    static void check(
            RateLimitFeature feature, boolean authenticated, ProblemLocator locator, List<SpecProblem> problems) {
        String path = "features.rateLimit";
        if ("user".equals(feature.key()) && !authenticated) {
            problems.add(locator.problem(
                    path + ".key",
                    "a rate limit keyed by user needs authentication; add features.auth or key the limit by ip"));
        }
        Map<String, Integer> names = new HashMap<>();
        Map<String, Integer> matchers = new HashMap<>();
        for (int i = 0; i < feature.groups().size(); i++) {
            RateLimitGroup group = feature.groups().get(i);
            String at = path + ".groups[" + i + "]";
            checkName(group, at, names.putIfAbsent(group.name(), i), locator, problems);
            if ("user".equals(group.key()) && !authenticated) {
                problems.add(locator.problem(
                        at + ".key",
                        "group '" + group.name() + "' is keyed by user, which needs authentication;"
                                + " add features.auth or key the group by ip"));
            }
            for (int j = 0; j < group.paths().size(); j++) {
                String problem = pathProblem(group.paths().get(j));
                if (problem != null) {
                    problems.add(locator.problem(at + ".paths[" + j + "]", problem));
                }
            }
            Integer shadow = matchers.putIfAbsent(matcher(group), i);
            if (shadow != null) {
                problems.add(locator.problem(
                        at,
                        "group '" + group.name() + "' never applies: group '"
                                + feature.groups().get(shadow).name()
                                + "' before it has the same methods and paths, and the first match wins"));
            }
        }
    }

    private static void checkName(
            RateLimitGroup group,
            String at,
            @Nullable Integer earlier,
            ProblemLocator locator,
            List<SpecProblem> problems) {
        if (RESERVED_NAMES.contains(group.name())) {
            problems.add(locator.problem(
                    at + ".name",
                    "'" + group.name() + "' names one of the service's own limits ("
                            + String.join(", ", RESERVED_NAMES.stream().sorted().toList())
                            + "); choose another group name"));
        } else if (earlier != null) {
            problems.add(locator.problem(
                    at + ".name",
                    "group '" + group.name() + "' is declared twice (also groups[" + earlier
                            + "]); group names must be unique"));
        }
    }

    /**
     * Checks what the schema's character pattern cannot: where {@code **} and {@code {name}} may stand.
     *
     * @return why the pattern is wrong, or null when it is fine
     */
    static @Nullable String pathProblem(String pattern) {
        String[] segments = pattern.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.isEmpty() && !last) {
                return "'" + pattern + "' has an empty segment ('//'); write single slashes";
            }
            if (segment.contains("**") && !(segment.equals("**") && last)) {
                return "'**' must be the whole last segment of '" + pattern + "', for example '/api/**'";
            }
            if ((segment.contains("{") || segment.contains("}")) && !segment.matches("\\{[a-zA-Z][a-zA-Z0-9]*}")) {
                return "'" + segment + "' in '" + pattern + "' is not a variable; a variable is a whole segment"
                        + " such as '{id}'";
            }
        }
        if (pattern.equals(EXEMPT_PREFIX) || pattern.startsWith(EXEMPT_PREFIX + "/")) {
            return "paths under " + EXEMPT_PREFIX + " are never limited, so that health probes and metrics"
                    + " scrapes always get through; limit other paths";
        }
        return null;
    }

    private static String matcher(RateLimitGroup group) {
        return new TreeSet<>(group.methods()) + " " + new TreeSet<>(group.paths());
    }
}
