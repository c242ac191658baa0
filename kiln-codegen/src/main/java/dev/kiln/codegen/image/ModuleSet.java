package dev.kiln.codegen.image;

import java.util.Collection;
import java.util.List;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Java modules the image's runtime contains, sorted by name so that the same modules always give the same
 * {@code jlink} command and cache key.
 *
 * @param names the module names
 */
record ModuleSet(NavigableSet<String> names) {
    /**
     * Modules a Spring Boot service needs although no class refers to them, so {@code jdeps} cannot see them:
     * service providers (elliptic-curve TLS, the zip file system), agents, JMX and JNDI lookups by name, and
     * {@code sun.misc.Unsafe} users found through reflection.
     */
    static final List<String> BASELINE = List.of(
            "java.base",
            "java.instrument",
            "java.management",
            "java.naming",
            "java.sql",
            "jdk.crypto.ec",
            "jdk.management",
            "jdk.unsupported",
            "jdk.zipfs");

    private static final Pattern MODULE_NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");

    ModuleSet {
        names = new TreeSet<>(names);
    }

    /**
     * The modules {@code jdeps} found plus the {@link #BASELINE}, keeping only the modules the JDK has (a baseline
     * module can be gone from a newer JDK).
     *
     * @param found the modules {@code jdeps} reported
     * @param available the modules of the JDK
     * @return the set
     */
    static ModuleSet of(Collection<String> found, Set<String> available) {
        NavigableSet<String> names = new TreeSet<>(found);
        BASELINE.stream().filter(available::contains).forEach(names::add);
        return new ModuleSet(names);
    }

    /**
     * Parses the output of {@code jdeps --print-module-deps}: warnings, then one comma-separated line.
     *
     * @param output the whole output
     * @return the module names
     * @throws ImageBuildException when the last line is not a list of module names
     */
    static Set<String> parseJdeps(String output) {
        String last = output.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .reduce((first, second) -> second)
                .orElse("");
        Set<String> names = Set.of(last.split(","));
        if (last.isEmpty()
                || !names.stream().allMatch(name -> MODULE_NAME.matcher(name).matches())) {
            throw new ImageBuildException("jdeps did not print a module list", output);
        }
        return names;
    }

    /**
     * Parses the output of {@code java --list-modules}: one {@code name@version} a line.
     *
     * @param output the whole output
     * @return the module names
     */
    static Set<String> parseListModules(String output) {
        return output.lines()
                .map(String::strip)
                .map(line -> line.contains("@") ? line.substring(0, line.indexOf('@')) : line)
                .filter(name -> MODULE_NAME.matcher(name).matches())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The names joined by commas, as {@code jlink --add-modules} takes them. */
    String joined() {
        return String.join(",", names);
    }
}
