package dev.kiln.codegen.image;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * An image that {@link ImageBuilder} wrote.
 *
 * @param tarball the image tarball
 * @param reference the image's reference, e.g. {@code blog:0.0.1-SNAPSHOT}
 * @param imageId the digest of its configuration, which {@code podman images} shows as the image id
 * @param digest the digest of its manifest, which a registry would show
 * @param size the tarball's size in bytes
 * @param layers its layers, in order
 * @param modules the Java modules of its runtime
 * @param baseCached whether the runtime base came from the cache
 * @param time how long the whole build took
 */
public record BuiltImage(
        Path tarball,
        String reference,
        String imageId,
        String digest,
        long size,
        List<Layer> layers,
        List<String> modules,
        boolean baseCached,
        Duration time) {

    public BuiltImage {
        layers = List.copyOf(layers);
        modules = List.copyOf(modules);
    }

    /**
     * One layer of the image.
     *
     * @param name what it holds: {@code system}, {@code java-runtime}, or a Spring Boot layer name
     * @param digest the digest of the compressed layer
     * @param size the compressed size in bytes
     */
    public record Layer(String name, String digest, long size) {}
}
