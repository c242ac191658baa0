/** Benchmarks of the compiler itself, run by {@code kiln bench codegen}. */
@NullMarked
package dev.kiln.codegen.bench;

import org.jspecify.annotations.NullMarked;
