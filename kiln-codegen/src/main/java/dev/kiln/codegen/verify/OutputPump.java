package dev.kiln.codegen.verify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** Drains a child process's output on a background thread, line by line, so the child never blocks on a full pipe. */
final class OutputPump {
    private final Thread thread;

    private OutputPump(Thread thread) {
        this.thread = thread;
    }

    /**
     * Starts reading the stream until its end.
     *
     * @param output the child's output stream
     * @param lines receives each line, on the pump's thread
     * @return the running pump
     */
    static OutputPump start(InputStream output, Consumer<String> lines) {
        Thread thread = Thread.ofPlatform().name("kiln-verify-output").daemon().start(() -> drain(output, lines));
        return new OutputPump(thread);
    }

    /** Waits until the whole output has been read. */
    void join() throws InterruptedException {
        thread.join();
    }

    private static void drain(InputStream output, Consumer<String> lines) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.accept(line);
            }
        } catch (IOException | UncheckedIOException e) {
            // The stream closes when the child is killed; what was read has been passed on.
        }
    }
}
