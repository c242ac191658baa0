package dev.kiln.codegen.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Finds a JDK 21 or newer to build and run a generated project with.
 *
 * <p>{@code $JAVA_HOME} wins if its {@code release} file says {@code JAVA_VERSION} is 21 or newer; otherwise the
 * newest JDK under the JVM root (normally {@code /usr/lib/jvm}) that has {@code bin/java} and a {@code release}
 * file saying 21 or newer.
 */
public final class JdkLocator {
    private static final int MINIMUM_FEATURE = 21;
    private static final Path SYSTEM_JVM_ROOT = Path.of("/usr/lib/jvm");

    private final @Nullable Path javaHome;
    private final Path jvmRoot;

    /**
     * Makes a locator over the given places, for tests.
     *
     * @param javaHome the {@code JAVA_HOME} to try first; null when it is not set
     * @param jvmRoot the folder whose sub-folders are JDK homes, e.g. {@code /usr/lib/jvm}; may be missing
     */
    public JdkLocator(@Nullable Path javaHome, Path jvmRoot) {
        this.javaHome = javaHome;
        this.jvmRoot = jvmRoot;
    }

    /**
     * Makes a locator over {@code $JAVA_HOME} and {@code /usr/lib/jvm}.
     *
     * @return the locator this machine's verification uses
     */
    public static JdkLocator system() {
        String home = System.getenv("JAVA_HOME");
        return new JdkLocator(home == null || home.isBlank() ? null : Path.of(home), SYSTEM_JVM_ROOT);
    }

    /**
     * Finds the JDK home to use.
     *
     * @return the JDK home, or empty when no JDK 21+ is installed where this locator looks
     */
    public Optional<Path> find() {
        if (javaHome != null && version(javaHome).filter(JdkLocator::supported).isPresent()) {
            return Optional.of(javaHome);
        }
        if (!Files.isDirectory(jvmRoot)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvmRoot)) {
            return homes.sorted()
                    .flatMap(home -> version(home).filter(JdkLocator::supported).stream()
                            .map(version -> new Candidate(home, version)))
                    .max(Comparator.comparing(Candidate::version, JdkLocator::compare))
                    .map(Candidate::home);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + jvmRoot, e);
        }
    }

    /** The numeric version parts from the home's {@code release} file, if it is a JDK home with a java launcher. */
    private static Optional<List<Integer>> version(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isRegularFile(home.resolve("bin/java"))) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(release)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        String value = properties.getProperty("JAVA_VERSION");
        return value == null ? Optional.empty() : parse(value);
    }

    /**
     * Parses a {@code JAVA_VERSION} value such as {@code "21.0.5"}, {@code 25} or {@code "1.8.0_412"}.
     *
     * @param value the value, quoted or not
     * @return the numeric parts, the feature release first ({@code 8} for {@code 1.8}); empty if unparseable
     */
    static Optional<List<Integer>> parse(String value) {
        String version = value.strip().replace("\"", "");
        if (version.startsWith("1.")) {
            version = version.substring(2);
        }
        List<Integer> parts = Stream.of(version.split("[._+-]"))
                .takeWhile(part -> !part.isEmpty() && part.chars().allMatch(Character::isDigit))
                .map(part -> part.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(part))
                .toList();
        return parts.isEmpty() ? Optional.empty() : Optional.of(parts);
    }

    private static boolean supported(List<Integer> version) {
        return version.getFirst() >= MINIMUM_FEATURE;
    }

    private static int compare(List<Integer> left, List<Integer> right) {
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            int order = Integer.compare(left.get(i), right.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.size(), right.size());
    }

    private record Candidate(Path home, List<Integer> version) {}
}
