package dev.kiln.rag.answer;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits chunk text into sentences for quoting and for checking a model's answer. */
public final class Sentences {
    private Sentences() {}

    /**
     * Splits a text into sentences: blank-line separated blocks apart, then the JDK's sentence breaks, each
     * sentence with its whitespace collapsed; empty ones dropped.
     *
     * @param text the text
     * @return its sentences in order
     */
    public static List<String> of(String text) {
        List<String> sentences = new ArrayList<>();
        for (String block : text.split("\n\\s*\n")) {
            BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ROOT);
            iterator.setText(block);
            for (int start = iterator.first(), end = iterator.next();
                    end != BreakIterator.DONE;
                    start = end, end = iterator.next()) {
                String sentence =
                        block.substring(start, end).replaceAll("\\s+", " ").strip();
                if (!sentence.isEmpty()) {
                    sentences.add(sentence);
                }
            }
        }
        return sentences;
    }
}
