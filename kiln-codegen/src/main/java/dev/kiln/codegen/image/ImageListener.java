package dev.kiln.codegen.image;

import java.time.Duration;

/**
 * Receives the progress of an image build; the CLI renders it, library code never prints.
 *
 * <p>{@link #output} may be called from a background thread that drains a child process, but never
 * concurrently with another callback of the same build.
 */
public interface ImageListener {

    /** A listener that ignores everything, for tests and quiet callers. */
    ImageListener NOOP = new ImageListener() {
        @Override
        public void stepStarted(String step) {}

        @Override
        public void output(String line) {}

        @Override
        public void stepFinished(String step, Duration time, String summary) {}
    };

    /**
     * Called when a step starts.
     *
     * @param step the step name, e.g. {@code runtime}
     */
    void stepStarted(String step);

    /**
     * Called with a line of output of a program the step runs, such as the project's build.
     *
     * @param line one line, without its line terminator
     */
    void output(String line);

    /**
     * Called when a step ends successfully; a failing step ends with an exception instead.
     *
     * @param step the step name
     * @param time how long it took
     * @param summary what it did, e.g. {@code jlink: 21 modules, 64.2 MB (cached)}
     */
    void stepFinished(String step, Duration time, String summary);
}
