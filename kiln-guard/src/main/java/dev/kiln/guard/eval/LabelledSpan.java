package dev.kiln.guard.eval;

/**
 * A span a labeller marked in a text.
 *
 * @param type the type, such as {@code EMAIL}
 * @param start the offset of the first character
 * @param end the offset after the last character
 */
public record LabelledSpan(String type, int start, int end) {}
