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
 * known word with the same first letter that differs by one swap of neighbouring letters, by one letter
 * hit beside the right key on the same row, or by one letter of a double written once ("acount",
 * "curency"). A plural is corrected through its singular. Other edits are left alone: they turn real
 * words ("audio", "plant") into known ones ("audit", "plan") too often.
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
        Optional<String> found = candidate(lower);
        if (found.isEmpty() && lower.endsWith("s") && lower.length() > MIN_LENGTH) {
            found = candidate(lower.substring(0, lower.length() - 1)).map(f -> f + "s");
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String fix = found.get();
        return Optional.of(
                Character.isUpperCase(word.charAt(0)) ? Character.toUpperCase(fix.charAt(0)) + fix.substring(1) : fix);
    }

    private Optional<String> candidate(String lower) {
        List<String> candidates = new ArrayList<>();
        for (String known : vocabulary) {
            if (known.isEmpty() || known.charAt(0) != lower.charAt(0)) {
                continue;
            }
            boolean sameLength =
                    known.length() == lower.length() && oneEdit(lower, known) && !bothInflected(lower, known);
            if (sameLength || (known.length() == lower.length() + 1 && singleOfDouble(lower, known))) {
                candidates.add(known);
            }
        }
        return candidates.size() == 1 ? Optional.of(candidates.getFirst()) : Optional.empty();
    }

    /** Whether {@code typo} is {@code known} with one letter of a double left out: "acount", "account". */
    private static boolean singleOfDouble(String typo, String known) {
        for (int i = 1; i < known.length(); i++) {
            if (known.charAt(i) == known.charAt(i - 1) && typo.equals(known.substring(0, i) + known.substring(i + 1))) {
                return true;
            }
        }
        return false;
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
            return neighbours(a.charAt(first), b.charAt(first)) && !inflection(a, b, first);
        }
        return count == 2
                && first + 1 < a.length()
                && a.charAt(first) == b.charAt(first + 1)
                && a.charAt(first + 1) == b.charAt(first);
    }

    /** "started" and "starred": two -ed or -ing forms one letter apart are two words, not a typo. */
    private static boolean bothInflected(String a, String b) {
        return (a.endsWith("ed") && b.endsWith("ed")) || (a.endsWith("ing") && b.endsWith("ing"));
    }

    /** "closes" and "closed" differ in the last letter of an ending: two real words, not a typo. */
    private static boolean inflection(String a, String b, int at) {
        String ends = "sd";
        return at == a.length() - 1 && ends.indexOf(a.charAt(at)) >= 0 && ends.indexOf(b.charAt(at)) >= 0;
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
