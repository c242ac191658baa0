/**
 * Extension points of the compiler: a {@link dev.kiln.codegen.spi.ProjectContributor} adds files for one
 * concern to {@link dev.kiln.codegen.spi.ProjectFiles}.
 */
@NullMarked
package dev.kiln.codegen.spi;

import org.jspecify.annotations.NullMarked;
