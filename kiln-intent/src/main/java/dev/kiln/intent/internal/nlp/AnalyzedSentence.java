package dev.kiln.intent.internal.nlp;

import java.util.List;

/**
 * One sentence of a prompt, analysed.
 *
 * @param text the sentence as written
 * @param tokens its tokens
 * @param corrections typos corrected, as "emial -> email"
 */
public record AnalyzedSentence(String text, List<Token> tokens, List<String> corrections) {
    /** Copies the lists. */
    public AnalyzedSentence {
        tokens = List.copyOf(tokens);
        corrections = List.copyOf(corrections);
    }
}
