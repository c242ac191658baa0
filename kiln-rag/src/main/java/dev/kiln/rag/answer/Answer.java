package dev.kiln.rag.answer;

import java.util.List;

/**
 * An answer, or an abstention.
 *
 * @param text the answer: sentences quoted from the documents, or {@link #ABSTENTION}
 * @param abstained true when the documents do not support an answer
 * @param citations where each quoted sentence comes from, in the answer's order; empty on abstention
 * @param evidence the figures the abstention decision was taken on
 */
public record Answer(String text, boolean abstained, List<Citation> citations, Evidence evidence) {
    /** The answer given when the documents do not support one. */
    public static final String ABSTENTION = "The documents do not say.";

    /** Copies the list. */
    public Answer {
        citations = List.copyOf(citations);
    }
}
