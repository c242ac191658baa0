package dev.kiln.guard;

import java.util.Locale;

/**
 * One thing a {@link Guardrail} found: its category, its type (such as {@code EMAIL} or {@code AWS_ACCESS_KEY}),
 * where it is as UTF-16 offsets into the inspected text ({@code end} exclusive), how sure the guardrail is and,
 * for guardrails that can say more than the type, what exactly is wrong.
 *
 * @param category what kind of problem it is
 * @param type the specific type, upper case
 * @param start the offset of the first character
 * @param end the offset after the last character
 * @param score the confidence, from 0 to 1
 * @param detail what is wrong, for a person (such as {@code /items/0/price: string found, number expected});
 *     empty when the type says it all. Never contains a value the policy might redact.
 */
public record Finding(Category category, String type, int start, int end, double score, String detail) {
    /** Checks the offsets and the score. */
    public Finding {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be in [0, 1]: " + score);
        }
        type = type.toUpperCase(Locale.ROOT);
    }

    /**
     * A finding without a detail.
     *
     * @param category what kind of problem it is
     * @param type the specific type, upper case
     * @param start the offset of the first character
     * @param end the offset after the last character
     * @param score the confidence, from 0 to 1
     */
    public Finding(Category category, String type, int start, int end, double score) {
        this(category, type, start, end, score, "");
    }

    /**
     * A finding that the guardrail is sure of.
     *
     * @param category what kind of problem it is
     * @param type the specific type
     * @param start the offset of the first character
     * @param end the offset after the last character
     * @return the finding, with score 1
     */
    public static Finding certain(Category category, String type, int start, int end) {
        return new Finding(category, type, start, end, 1.0);
    }

    /**
     * The text this finding covers.
     *
     * @param text the text that was inspected
     * @return the covered part
     */
    public String valueIn(String text) {
        return text.substring(start, end);
    }

    /**
     * Whether this finding's span shares at least one character with another's.
     *
     * @param other the other finding
     * @return true if they overlap
     */
    public boolean overlaps(Finding other) {
        return start < other.end && other.start < end;
    }
}
