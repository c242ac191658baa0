/**
 * The compiler from a {@link dev.kiln.spec.ServiceSpec} to a Spring Boot project.
 *
 * <p>{@link dev.kiln.codegen.ProjectGenerator} turns a spec into a {@link dev.kiln.codegen.GeneratedProject}
 * (paths and bytes, nothing on disk) by running ordered {@link dev.kiln.codegen.spi.ProjectContributor}s;
 * {@link dev.kiln.codegen.writer.ProjectWriter} puts it on disk atomically.
 */
@NullMarked
package dev.kiln.codegen;

import org.jspecify.annotations.NullMarked;
