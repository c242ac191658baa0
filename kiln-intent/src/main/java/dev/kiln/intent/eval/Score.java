package dev.kiln.intent.eval;

/**
 * Counts of right and wrong answers, and the precision, recall and F1 they give.
 *
 * @param truePositives expected and found
 * @param falsePositives found but not expected
 * @param falseNegatives expected but not found
 */
public record Score(int truePositives, int falsePositives, int falseNegatives) {
    /** No answers at all. */
    public static final Score ZERO = new Score(0, 0, 0);

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
                falseNegatives + other.falseNegatives);
    }

    /**
     * Returns the share of found answers that were expected.
     *
     * @return from 0 to 1; 1 when nothing was found
     */
    public double precision() {
        int found = truePositives + falsePositives;
        return found == 0 ? 1 : (double) truePositives / found;
    }

    /**
     * Returns the share of expected answers that were found.
     *
     * @return from 0 to 1; 1 when nothing was expected
     */
    public double recall() {
        int expected = truePositives + falseNegatives;
        return expected == 0 ? 1 : (double) truePositives / expected;
    }

    /**
     * Returns the harmonic mean of precision and recall.
     *
     * @return from 0 to 1
     */
    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
