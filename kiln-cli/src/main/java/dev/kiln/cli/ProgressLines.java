package dev.kiln.cli;

import java.io.PrintWriter;
import java.util.Locale;

/** Progress lines stamped with the seconds since the command started, e.g. {@code [ 12.3s] build ...}. */
final class ProgressLines {
    private static final int MAX_OUTPUT = 160;

    private final PrintWriter out;
    private final long start = System.nanoTime();

    ProgressLines(PrintWriter out) {
        this.out = out;
    }

    /** A step begins. */
    void started(String step) {
        print(step + " ...");
    }

    /** A line of a step's output, indented and cut at 160 characters. */
    void output(String line) {
        print("  " + (line.length() > MAX_OUTPUT ? line.substring(0, MAX_OUTPUT) : line));
    }

    /** Any line, stamped. */
    void print(String text) {
        out.printf(Locale.ROOT, "[%5.1fs] %s%n", (System.nanoTime() - start) / 1e9, text);
        out.flush();
    }
}
