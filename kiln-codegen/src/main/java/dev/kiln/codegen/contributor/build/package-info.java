/**
 * The Maven build of a generated project: a small POM model, its writer, the wrapper, and the container
 * image that Jib builds from it ({@link dev.kiln.codegen.contributor.build.ContainerImage}).
 */
@NullMarked
package dev.kiln.codegen.contributor.build;

import org.jspecify.annotations.NullMarked;
