package dev.kiln.rag.answer;

import java.util.List;

/**
 * How strongly the store supports answering a question; the inputs of the abstention decision.
 *
 * @param bestCosine cosine similarity between the question and the closest readable chunk
 * @param termCoverage the IDF-weighted share of the question's words found in the best chunk of the
 *     top hits (1 when every rare word of the question is there; low when the question names things
 *     the documents never mention)
 * @param unseenShare the IDF-weighted share of the question's words that no readable chunk contains
 *     at all, each such word weighing as much as a word the store never indexed (0 when every word
 *     occurs somewhere)
 * @param unseenWords the question's words that no readable chunk contains, in question order
 * @param unseenNames the names of two or more capitalised words (or a name and a version number, such
 *     as "Oracle Data Guard" or "PostgreSQL 18") that the question uses and no readable chunk contains
 *     as a phrase
 * @param unseenSystemNames the unseen words shaped like a name a system gives its own things
 *     (pg_repack, transaction_timeout, uuidv7) that the question does not mark as the asker's own (as in
 *     "my orders_2024 table" or "an updated_at timestamp"); a subset of {@code unseenWords}
 * @param asksForEstimate the question asks for a measured figure of a workload (how long an operation
 *     takes, rows per second, a compression ratio), which documentation describes but does not state
 */
public record Evidence(
        double bestCosine,
        double termCoverage,
        double unseenShare,
        List<String> unseenWords,
        List<String> unseenNames,
        List<String> unseenSystemNames,
        boolean asksForEstimate) {

    /** Copies the lists. */
    public Evidence {
        unseenWords = List.copyOf(unseenWords);
        unseenNames = List.copyOf(unseenNames);
        unseenSystemNames = List.copyOf(unseenSystemNames);
    }

    /**
     * Evidence for a question that does not ask for an estimate.
     *
     * @param bestCosine cosine similarity between the question and the closest readable chunk
     * @param termCoverage the IDF-weighted share of the question's words found in the best chunk
     * @param unseenShare the IDF-weighted share of the question's words that no readable chunk contains
     * @param unseenWords the question's words that no readable chunk contains
     * @param unseenNames the multi-word names no readable chunk contains
     * @param unseenSystemNames the unseen words shaped like a system's own names
     */
    public Evidence(
            double bestCosine,
            double termCoverage,
            double unseenShare,
            List<String> unseenWords,
            List<String> unseenNames,
            List<String> unseenSystemNames) {
        this(bestCosine, termCoverage, unseenShare, unseenWords, unseenNames, unseenSystemNames, false);
    }

    /**
     * Evidence in which every word of the question occurs in some readable chunk.
     *
     * @param bestCosine cosine similarity between the question and the closest readable chunk
     * @param termCoverage the IDF-weighted share of the question's words found in the best chunk
     */
    public Evidence(double bestCosine, double termCoverage) {
        this(bestCosine, termCoverage, 0, List.of(), List.of(), List.of(), false);
    }

    /**
     * Returns this evidence for a question that does or does not ask for an estimate.
     *
     * @param estimate whether the question asks for a measured figure of a workload
     * @return the evidence
     */
    public Evidence withAsksForEstimate(boolean estimate) {
        return new Evidence(
                bestCosine, termCoverage, unseenShare, unseenWords, unseenNames, unseenSystemNames, estimate);
    }
}
