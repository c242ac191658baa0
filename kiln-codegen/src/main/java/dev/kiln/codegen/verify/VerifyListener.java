package dev.kiln.codegen.verify;

/**
 * Receives the progress of a verification; the CLI renders it, library code never prints.
 *
 * <p>{@link #output} may be called from a background thread that drains a child process, but never
 * concurrently with another callback of the same verification.
 */
public interface VerifyListener {

    /** A listener that ignores everything, for tests and quiet callers. */
    VerifyListener NOOP = new VerifyListener() {
        @Override
        public void stepStarted(String step) {}

        @Override
        public void output(String line) {}

        @Override
        public void stepFinished(StepResult result) {}
    };

    /**
     * Called when a step starts; skipped steps are never started.
     *
     * @param step the step name, e.g. {@code build}
     */
    void stepStarted(String step);

    /**
     * Called with a line of build output or a smoke-test line such as {@code POST /api/posts -> 201}.
     *
     * @param line one line, without its line terminator
     */
    void output(String line);

    /**
     * Called when a step ends, and once for each skipped step.
     *
     * @param result how the step went
     */
    void stepFinished(StepResult result);
}
