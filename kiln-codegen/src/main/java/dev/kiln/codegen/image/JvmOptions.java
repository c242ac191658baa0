package dev.kiln.codegen.image;

import java.util.ArrayList;
import java.util.List;

/**
 * How the image starts Java: the small-footprint settings of the generated {@code run.sh}, with the heap sized
 * as a share of the container's memory limit instead of a fixed {@code -Xmx}.
 *
 * <p>Settings that the runtime was built for (compact object headers, which its class-data archive matches) and
 * that the application needs (its Spring AOT initialisation) are in the entry point. The tunable ones are in the
 * {@code JDK_JAVA_OPTIONS} environment variable, which the {@code java} launcher reads before its arguments, so
 * {@code podman run -e JDK_JAVA_OPTIONS=...} replaces them as a whole.
 */
final class JvmOptions {
    /** Where the runtime is in the image. */
    static final String JAVA_HOME = "/opt/java";

    /** Where the application is in the image; also the working directory. */
    static final String APP_DIR = "/app";

    /** The environment variable that carries the tunable settings. */
    static final String TUNABLES_VARIABLE = "JDK_JAVA_OPTIONS";

    private JvmOptions() {}

    /**
     * The entry point: the runtime's {@code java}, the fixed settings, and the application jar.
     *
     * @param feature the runtime's feature release
     * @return the command
     */
    static List<String> entrypoint(int feature) {
        List<String> command = new ArrayList<>(List.of(JAVA_HOME + "/bin/java"));
        command.addAll(archiveOptions(feature));
        command.addAll(List.of(
                "-Djava.awt.headless=true", "-Dspring.aot.enabled=true", "-jar", APP_DIR + "/" + BootLayers.APP_JAR));
        return List.copyOf(command);
    }

    /**
     * The options that decide which class-data archive the JVM maps; the runtime's archive is dumped with them.
     *
     * @param feature the runtime's feature release
     * @return the options, empty before JDK 25
     */
    static List<String> archiveOptions(int feature) {
        return feature >= 25 ? List.of("-XX:+UseCompactObjectHeaders") : List.of();
    }

    /**
     * The tunable settings: serial GC, C1 only, small stacks, code cache and metaspace as in {@code run.sh}; the
     * heap at most half the container's memory (the rest is for metaspace, code, threads and buffers); exit on
     * {@code OutOfMemoryError} so the orchestrator restarts the container.
     *
     * @param feature the runtime's feature release
     * @return the value of {@code JDK_JAVA_OPTIONS}
     */
    static String tunables(int feature) {
        List<String> options = new ArrayList<>(List.of(
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Xss512k",
                "-XX:MaxRAMPercentage=50",
                "-XX:ReservedCodeCacheSize=64m",
                "-XX:MaxMetaspaceSize=192m",
                "-XX:+ExitOnOutOfMemoryError"));
        if (feature >= 22) {
            options.add("-XX:TrimNativeHeapInterval=2000");
        }
        return String.join(" ", options);
    }
}
