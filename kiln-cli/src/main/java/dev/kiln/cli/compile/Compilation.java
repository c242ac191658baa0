package dev.kiln.cli.compile;

import java.time.Duration;
import java.util.List;

/**
 * The result of compiling one project.
 *
 * @param ok whether the compiler reported no errors
 * @param files how many source files were compiled
 * @param errors the error diagnostics, each as {@code path:line: message}, at most {@link #MAX_ERRORS}
 * @param took how long the compilation took
 */
public record Compilation(boolean ok, int files, List<String> errors, Duration took) {
    /** At most this many errors are kept per project. */
    public static final int MAX_ERRORS = 20;

    /** Copies the list. */
    public Compilation {
        errors = List.copyOf(errors);
    }
}
