package dev.kiln.codegen.image;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * What {@code kiln image} is asked to build.
 *
 * @param projectDir the generated project
 * @param output where to write the tarball; null for {@code target/<name>-image.tar}
 * @param reference the image reference; null for {@code <name>:<version>}
 * @param oci whether to write the OCI layout instead of Docker's (both load with {@code podman load})
 * @param rebuild whether to package the jar even when it exists; it is packaged anyway when missing
 */
public record ImageRequest(
        Path projectDir, @Nullable Path output, @Nullable String reference, boolean oci, boolean rebuild) {

    /**
     * The defaults for a project: Docker layout, output and reference from the project, the jar as it is.
     *
     * @param projectDir the generated project
     * @return the request
     */
    public static ImageRequest of(Path projectDir) {
        return new ImageRequest(projectDir, null, null, false, false);
    }
}
