package dev.kiln.rag.answer;

/**
 * Decides from the {@link Evidence} whether to answer: abstain when
 * {@code bestCosine + coverageWeight * termCoverage} falls below a threshold.
 *
 * <p>Meaning alone misses questions phrased far from the page, and words alone miss paraphrases; the sum
 * separates answerable from unanswerable questions better than either (measured in the README).
 *
 * @param coverageWeight the weight of the term coverage against the cosine
 * @param threshold abstain below this combined score
 */
public record AbstentionPolicy(double coverageWeight, double threshold) {
    /** Calibrated for all-MiniLM-L6-v2 on Kiln's PostgreSQL question set (see the README). */
    public static final AbstentionPolicy DEFAULT = new AbstentionPolicy(0.35, 0.58);

    /** Checks the weight. */
    public AbstentionPolicy {
        if (coverageWeight < 0) {
            throw new IllegalArgumentException("the coverage weight must not be negative, was " + coverageWeight);
        }
    }

    /**
     * Returns the combined score the decision is taken on.
     *
     * @param evidence the evidence
     * @return the score; higher means better supported
     */
    public double score(Evidence evidence) {
        return evidence.bestCosine() + coverageWeight * evidence.termCoverage();
    }

    /**
     * Tells whether the evidence is too weak to answer.
     *
     * @param evidence the evidence
     * @return true to abstain
     */
    public boolean abstain(Evidence evidence) {
        return score(evidence) < threshold;
    }
}
