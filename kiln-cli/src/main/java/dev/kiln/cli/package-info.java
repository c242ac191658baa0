/**
 * The {@code kiln} command line: thin picocli commands over the library modules, one place that maps
 * exceptions to exit codes, and progress rendering.
 */
@NullMarked
package dev.kiln.cli;

import org.jspecify.annotations.NullMarked;
