package dev.kiln.rag.eval;

import java.util.List;

/**
 * A labelled question.
 *
 * @param id a stable identifier
 * @param query the question as a user would ask it
 * @param relevant the pages that answer it, as source paths or their trailing part ({@code a/b.html}
 *     matches the source {@code /docs/a/b.html}); empty when the documents cannot answer it
 */
public record Question(String id, String query, List<String> relevant) {
    /** Copies the list. */
    public Question {
        relevant = List.copyOf(relevant);
    }

    /**
     * Tells whether the documents answer this question.
     *
     * @return true when some page is relevant
     */
    public boolean answerable() {
        return !relevant.isEmpty();
    }

    /**
     * Tells whether a retrieved source is one of the relevant pages.
     *
     * @param source a hit's source
     * @return true when it is relevant
     */
    public boolean isRelevant(String source) {
        return relevant.stream().anyMatch(r -> source.equals(r) || source.endsWith("/" + r));
    }
}
