package dev.kiln.cli;

import dev.kiln.codegen.image.ImageListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/** Renders the progress of {@code kiln image}: one line per step, and the build's errors and results. */
final class ImageProgress implements ImageListener {
    private final ProgressLines lines;
    private final boolean verbose;

    ImageProgress(PrintWriter out, boolean verbose) {
        this.lines = new ProgressLines(out);
        this.verbose = verbose;
    }

    @Override
    public void stepStarted(String step) {
        lines.started(step);
    }

    @Override
    public void output(String line) {
        if (verbose || line.contains("BUILD") || line.startsWith("[ERROR]")) {
            lines.output(line);
        }
    }

    @Override
    public void stepFinished(String step, Duration time, String summary) {
        lines.print(String.format(Locale.ROOT, "%s ok (%.1f s): %s", step, time.toMillis() / 1000.0, summary));
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }
}
