package dev.kiln.codegen.verify;

/** A step failed in an expected way: the message is the report summary, the output explains it. */
final class StepFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final String summary;
    private final String output;

    StepFailure(String summary, String output) {
        super(summary);
        this.summary = summary;
        this.output = output;
    }

    StepFailure(String summary) {
        this(summary, "");
    }

    /** The one-line summary for the report; the same as the message. */
    String summary() {
        return summary;
    }

    /** The text that explains the failure, e.g. a response body or the tail of a log; may be empty. */
    String output() {
        return output;
    }
}
