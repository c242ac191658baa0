/** The Maven build of a generated project: a small POM model, its writer, and the wrapper. */
@NullMarked
package dev.kiln.codegen.contributor.build;

import org.jspecify.annotations.NullMarked;
