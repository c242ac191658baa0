package dev.kiln.codegen.image;

import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The configuration of the image besides its layers.
 *
 * @param reference the image reference, e.g. {@code blog:0.0.1-SNAPSHOT}
 * @param architecture the OCI architecture, e.g. {@code amd64}
 * @param oci whether to write the OCI layout instead of Docker's
 * @param created the image's creation time; fixed, so that the same inputs give the same digest
 * @param entrypoint the command that starts the service
 * @param environment the environment, sorted by name
 * @param labels the labels, sorted by name
 * @param port the TCP port the service listens on
 */
record ImageConfig(
        String reference,
        String architecture,
        boolean oci,
        Instant created,
        List<String> entrypoint,
        SortedMap<String, String> environment,
        SortedMap<String, String> labels,
        int port) {

    ImageConfig {
        entrypoint = List.copyOf(entrypoint);
        environment = new TreeMap<>(environment);
        labels = new TreeMap<>(labels);
    }

    /**
     * The OCI architecture name of a JVM's {@code os.arch}.
     *
     * @param osArch e.g. {@code amd64}, {@code x86_64} or {@code aarch64}
     * @return e.g. {@code amd64} or {@code arm64}
     */
    static String architecture(String osArch) {
        return switch (osArch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            default -> osArch;
        };
    }
}
