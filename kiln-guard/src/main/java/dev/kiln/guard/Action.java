package dev.kiln.guard;

import java.util.Locale;

/**
 * What a {@link GuardPipeline} does about a finding, in increasing severity: the verdict on a text is the
 * most severe action of its findings.
 */
public enum Action {
    /** Let the text through unchanged and do not report the finding. */
    ALLOW,
    /** Let the text through unchanged but report the finding. */
    FLAG,
    /** Let the text through with the finding's span replaced (see {@link dev.kiln.guard.redact.Redactor}). */
    REDACT,
    /** Stop the text. */
    BLOCK;

    /**
     * The lower-case name used in JSON output.
     *
     * @return {@code allow}, {@code flag}, {@code redact} or {@code block}
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The more severe of this action and another.
     *
     * @param other the other action
     * @return the more severe one
     */
    public Action max(Action other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
