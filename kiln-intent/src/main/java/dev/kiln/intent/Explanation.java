package dev.kiln.intent;

/**
 * Why one part of a parsed spec exists.
 *
 * @param path where in the spec, for example {@code entities[1].fields[0]} or {@code features.auth}
 * @param element what was produced, for example {@code field publishDate: date}
 * @param evidence the words of the prompt it came from, or the rule that implied it
 * @param confidence from 0 to 1
 */
public record Explanation(String path, String element, String evidence, double confidence) {
    /** Checks the confidence range. */
    public Explanation {
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence must be within 0..1, got " + confidence);
        }
    }
}
