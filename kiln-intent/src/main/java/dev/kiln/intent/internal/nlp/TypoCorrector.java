package dev.kiln.intent.internal.nlp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Corrects single-letter typos in words the parser depends on, such as "emial" or "servise".
 *
 * <p>Only words of five letters or more that are not themselves known are corrected, and only to a
 * known word of the same length and first letter that differs by one swap of neighbouring letters or
 * by one letter hit beside the right key on the same row. Other edits are left alone: they turn real words ("audio",
 * "plant") into known ones ("audit", "plan") too often.
 */
public final class TypoCorrector {
    private static final int MIN_LENGTH = 5;
    private static final List<String> KEYBOARD = List.of("qwertyuiop", "asdfghjkl", "zxcvbnm");

    private final Set<String> vocabulary;

    /**
     * Creates a corrector.
     *
     * @param vocabulary the lower-case words to correct towards
     */
    public TypoCorrector(Collection<String> vocabulary) {
        this.vocabulary = new TreeSet<>(vocabulary);
    }

    /**
     * Returns the correction of a word, if it is a typo of exactly one known word.
     *
     * @param word a token
     * @return the corrected word in the token's capitalisation, or empty
     */
    public Optional<String> correct(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.length() < MIN_LENGTH || !lower.chars().allMatch(Character::isLetter) || known(lower)) {
            return Optional.empty();
        }
        List<String> candidates = new ArrayList<>();
        for (String known : vocabulary) {
            if (known.length() == lower.length() && known.charAt(0) == lower.charAt(0) && oneEdit(lower, known)) {
                candidates.add(known);
            }
        }
        if (candidates.size() != 1) {
            return Optional.empty();
        }
        String fix = candidates.getFirst();
        return Optional.of(
                Character.isUpperCase(word.charAt(0)) ? Character.toUpperCase(fix.charAt(0)) + fix.substring(1) : fix);
    }

    private boolean known(String lower) {
        return vocabulary.contains(lower) || Inflections.bases(lower).stream().anyMatch(vocabulary::contains);
    }

    private static boolean oneEdit(String a, String b) {
        int first = -1;
        int count = 0;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                count++;
                if (first < 0) {
                    first = i;
                }
            }
        }
        if (count == 1) {
            return neighbours(a.charAt(first), b.charAt(first));
        }
        return count == 2
                && first + 1 < a.length()
                && a.charAt(first) == b.charAt(first + 1)
                && a.charAt(first + 1) == b.charAt(first);
    }

    /** Whether two letters sit side by side on a QWERTY row, the usual cause of a wrong letter. */
    private static boolean neighbours(char x, char y) {
        for (String row : KEYBOARD) {
            int i = row.indexOf(x);
            int j = row.indexOf(y);
            if (i >= 0 && j >= 0 && Math.abs(i - j) == 1) {
                return true;
            }
        }
        return false;
    }
}
