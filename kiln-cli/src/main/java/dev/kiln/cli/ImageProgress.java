package dev.kiln.cli;

import dev.kiln.codegen.image.ImageListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/** Renders the progress of {@code kiln image}: one line per step, and the build's errors and results. */
final class ImageProgress implements ImageListener {
    private final PrintWriter out;
    private final boolean verbose;
    private final long start = System.nanoTime();

    ImageProgress(PrintWriter out, boolean verbose) {
        this.out = out;
        this.verbose = verbose;
    }

    @Override
    public void stepStarted(String step) {
        out.printf(Locale.ROOT, "[%5.1fs] %s ...%n", elapsed(), step);
        out.flush();
    }

    @Override
    public void output(String line) {
        if (verbose || line.contains("BUILD") || line.startsWith("[ERROR]")) {
            out.printf(Locale.ROOT, "[%5.1fs]   %s%n", elapsed(), line.length() > 160 ? line.substring(0, 160) : line);
            out.flush();
        }
    }

    @Override
    public void stepFinished(String step, Duration time, String summary) {
        out.printf(Locale.ROOT, "[%5.1fs] %s ok (%.1f s): %s%n", elapsed(), step, time.toMillis() / 1000.0, summary);
        out.flush();
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }

    private double elapsed() {
        return (System.nanoTime() - start) / 1e9;
    }
}
