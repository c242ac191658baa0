package dev.kiln.rag.answer;

/**
 * Decides from the {@link Evidence} whether to answer: abstain when the question uses a name the
 * readable documents never mention (a multi-word name, or a name shaped like the system's own such as
 * pg_repack that the question does not mark as the asker's), when it asks for a measured figure of a workload
 * (how long an operation takes, a rate, a ratio; see {@link Evidence#asksForEstimate()}), or when {@code
 * bestCosine + coverageWeight * termCoverage - unseenWeight * unseenShare} falls below a threshold.
 *
 * <p>Meaning alone misses questions phrased far from the page, and words alone miss paraphrases; the sum
 * separates answerable from unanswerable questions better than either. A question about another product
 * ("Patroni", "pg_cron", "innodb_buffer_pool_size") is close in meaning to many pages but names a word no
 * page contains; a multi-word name ("Oracle Data Guard", "PostgreSQL 18") is made of words the pages do
 * contain, so it is looked up as a phrase. Measured in the README.
 *
 * @param coverageWeight the weight of the term coverage against the cosine
 * @param unseenWeight the weight of the share of words no readable chunk contains
 * @param threshold abstain below this combined score
 */
public record AbstentionPolicy(double coverageWeight, double unseenWeight, double threshold) {
    /**
     * Calibrated for all-MiniLM-L6-v2 on Kiln's five PostgreSQL question sets pooled (475 questions, 142 of
     * them unanswerable, short keyword queries and long conversational questions; see the README): the
     * weights and threshold in the middle of the region where the smaller of the answered and abstained
     * shares is highest.
     */
    public static final AbstentionPolicy DEFAULT = new AbstentionPolicy(0.35, 1.2, 0.42);

    /** Checks the weights. */
    public AbstentionPolicy {
        if (coverageWeight < 0 || unseenWeight < 0) {
            throw new IllegalArgumentException(
                    "weights must not be negative, were " + coverageWeight + " and " + unseenWeight);
        }
    }

    /**
     * Returns the combined score the threshold applies to.
     *
     * @param evidence the evidence
     * @return the score; higher means better supported
     */
    public double score(Evidence evidence) {
        return evidence.bestCosine() + coverageWeight * evidence.termCoverage() - unseenWeight * evidence.unseenShare();
    }

    /**
     * Tells whether the evidence is too weak to answer.
     *
     * @param evidence the evidence
     * @return true to abstain
     */
    public boolean abstain(Evidence evidence) {
        return !evidence.unseenNames().isEmpty()
                || !evidence.unseenSystemNames().isEmpty()
                || evidence.asksForEstimate()
                || score(evidence) < threshold;
    }
}
