package dev.kiln.codegen.verify;

import java.util.ArrayDeque;
import java.util.Deque;

/** The last lines of some output, for a failure report; safe to fill from one thread and read from another. */
final class LineTail {
    private final int capacity;
    private final Deque<String> lines = new ArrayDeque<>();

    LineTail(int capacity) {
        this.capacity = capacity;
    }

    /** Keeps a line, forgetting the oldest one when full. */
    synchronized void add(String line) {
        if (lines.size() == capacity) {
            lines.removeFirst();
        }
        lines.addLast(line);
    }

    /** The kept lines joined with newlines. */
    synchronized String text() {
        return String.join("\n", lines);
    }
}
