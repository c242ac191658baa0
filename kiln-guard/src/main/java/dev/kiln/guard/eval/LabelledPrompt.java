package dev.kiln.guard.eval;

/**
 * A text labelled as an injection or not, with where it came from.
 *
 * @param id a stable id
 * @param text the text
 * @param injection whether it is an injection or jailbreak
 * @param category such as {@code jailbreak}, {@code hijacking}, {@code indirect}, {@code benign} or
 *     {@code benign-trigger} (benign text with trigger words)
 * @param source the data set it came from
 * @param split which split it belongs to
 */
public record LabelledPrompt(String id, String text, boolean injection, String category, String source, Split split) {
    /** The splits of a corpus; assignment is by a hash of the folded text, so it never changes. */
    public enum Split {
        /** Used to fit the model's weights. */
        TRAIN,
        /** Used to choose the threshold. */
        VALIDATION,
        /** Never seen during training: the figures reported. */
        TEST
    }
}
