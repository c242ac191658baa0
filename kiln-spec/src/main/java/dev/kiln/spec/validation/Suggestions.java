package dev.kiln.spec.validation;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean" suggestions for near misses, by optimal string alignment distance.
 *
 * <p>A candidate is suggested when it is within a third of the word's length (at least one edit) and
 * closer than every other candidate; ties go to the earlier candidate, so output is deterministic.
 */
public final class Suggestions {
    private Suggestions() {}

    /**
     * Finds the closest candidate to a misspelled word.
     *
     * @param word what the user wrote
     * @param candidates what would have been valid
     * @return the closest candidate, if one is close enough
     */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        String lowered = word.toLowerCase(Locale.ROOT);
        int limit = Math.max(1, (word.length() + 2) / 3);
        return candidates.stream()
                .filter(c -> distance(lowered, c.toLowerCase(Locale.ROOT)) <= limit)
                .min(Comparator.comparingInt(c -> distance(lowered, c.toLowerCase(Locale.ROOT))));
    }

    /**
     * Formats a suggestion as a sentence to append to a message.
     *
     * @param word what the user wrote
     * @param candidates what would have been valid
     * @return for example {@code " Did you mean 'string'?"}, or an empty string
     */
    public static String didYouMean(String word, Collection<String> candidates) {
        return closest(word, candidates).map(c -> " Did you mean '" + c + "'?").orElse("");
    }

    /**
     * Returns the optimal string alignment distance: insertions, deletions, substitutions and adjacent
     * transpositions each cost one.
     *
     * @param a one string
     * @param b another string
     * @return the number of edits between them
     */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
