/**
 * {@code kiln image}: builds an OCI image tarball of a generated project without a Docker daemon or a registry.
 *
 * <p>Entry point: {@link dev.kiln.codegen.image.ImageBuilder}. The image is assembled from scratch with Jib Core:
 * a Java runtime cut down with {@code jlink} from the local JDK, the shared libraries it needs copied from the
 * build host, and the application as Spring Boot's extracted layers. Nothing here prints; progress goes to an
 * {@link dev.kiln.codegen.image.ImageListener}.
 */
@NullMarked
package dev.kiln.codegen.image;

import org.jspecify.annotations.NullMarked;
