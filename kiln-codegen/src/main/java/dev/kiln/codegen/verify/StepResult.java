package dev.kiln.codegen.verify;

import java.time.Duration;

/**
 * The outcome of one verification step.
 *
 * @param step the step name: build, boot, smoke or stop (see the constants in {@link Verifier})
 * @param passed whether the step ran and succeeded
 * @param elapsed how long the step took; zero for a skipped step
 * @param summary one line for the report, e.g. {@code tests: 42 run, 0 failed}
 * @param failureOutput what explains a failure (the tail of the build output, the app log, a response
 *     body); empty when the step passed or was skipped
 */
public record StepResult(String step, boolean passed, Duration elapsed, String summary, String failureOutput) {

    /** The summary of a step that did not run because an earlier one failed. */
    public static final String SKIPPED = "skipped";

    /**
     * Makes the result of a step that did not run.
     *
     * @param step the step name
     * @return a failed result with zero time and the summary {@value #SKIPPED}
     */
    public static StepResult skipped(String step) {
        return new StepResult(step, false, Duration.ZERO, SKIPPED, "");
    }

    /**
     * Tells whether the step did not run because an earlier one failed.
     *
     * @return true for a result made by {@link #skipped(String)}
     */
    public boolean skipped() {
        return !passed && elapsed.isZero() && summary.equals(SKIPPED);
    }
}
