package dev.kiln.rag.eval;

import java.util.List;

/**
 * How one question fared.
 *
 * @param question the question
 * @param retrieved the sources retrieved, best first
 * @param firstRelevantRank the 1-based rank of the first relevant page, or 0 when none was retrieved
 * @param nanos how long the search took
 */
public record QuestionResult(Question question, List<String> retrieved, int firstRelevantRank, long nanos) {
    /** Copies the list. */
    public QuestionResult {
        retrieved = List.copyOf(retrieved);
    }
}
