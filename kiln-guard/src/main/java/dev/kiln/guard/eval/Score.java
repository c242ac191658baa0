package dev.kiln.guard.eval;

/**
 * Counts of one evaluation and the rates derived from them.
 *
 * @param truePositives found and expected
 * @param falsePositives found but not expected
 * @param falseNegatives expected but not found
 * @param trueNegatives neither (0 where not meaningful, as for spans)
 */
public record Score(int truePositives, int falsePositives, int falseNegatives, int trueNegatives) {
    /** The empty score. */
    public static final Score ZERO = new Score(0, 0, 0, 0);

    /**
     * Adds two scores.
     *
     * @param other the other score
     * @return the sum
     */
    public Score plus(Score other) {
        return new Score(
                truePositives + other.truePositives,
                falsePositives + other.falsePositives,
                falseNegatives + other.falseNegatives,
                trueNegatives + other.trueNegatives);
    }

    /**
     * Precision: the share of findings that were expected; 1 when nothing was found.
     *
     * @return the precision
     */
    public double precision() {
        int found = truePositives + falsePositives;
        return found == 0 ? 1.0 : (double) truePositives / found;
    }

    /**
     * Recall (detection rate): the share of expected items that were found; 1 when nothing was expected.
     *
     * @return the recall
     */
    public double recall() {
        int expected = truePositives + falseNegatives;
        return expected == 0 ? 1.0 : (double) truePositives / expected;
    }

    /**
     * The harmonic mean of precision and recall.
     *
     * @return F1, 0 when both are 0
     */
    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /**
     * False-positive rate: the share of negatives that were flagged; 0 when there were no negatives.
     *
     * @return the false-positive rate
     */
    public double falsePositiveRate() {
        int negatives = falsePositives + trueNegatives;
        return negatives == 0 ? 0 : (double) falsePositives / negatives;
    }

    /**
     * The number of positives (expected items).
     *
     * @return true positives plus false negatives
     */
    public int positives() {
        return truePositives + falseNegatives;
    }

    /**
     * The number of negatives.
     *
     * @return false positives plus true negatives
     */
    public int negatives() {
        return falsePositives + trueNegatives;
    }
}
