package dev.kiln.intent.internal.nlp;

import dev.kiln.spec.naming.Names;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Regular English inflections, undone by rule.
 *
 * <p>Backs up the statistical lemmatizer, which leaves unknown or mis-tagged words unchanged.
 */
public final class Inflections {
    /** Nouns ending in -ie, whose plural -ies the y-rule would get wrong ("movies" is not "movy"). */
    private static final Set<String> IE_NOUNS = Set.of(
            "movie",
            "cookie",
            "calorie",
            "selfie",
            "rookie",
            "hoodie",
            "smoothie",
            "brownie",
            "zombie",
            "pie",
            "tie",
            "genie",
            "prairie",
            "lingerie",
            "freebie",
            "goalie",
            "newbie",
            "sortie",
            "auntie");

    /** Nouns ending in -us, whose plural -uses the s-rule would get wrong ("statuses" is not "statuse"). */
    private static final Set<String> US_NOUNS = Set.of(
            "status",
            "bus",
            "campus",
            "bonus",
            "virus",
            "census",
            "syllabus",
            "focus",
            "genius",
            "chorus",
            "circus",
            "surplus",
            "prospectus",
            "consensus",
            "apparatus",
            "corpus",
            "nexus",
            "radius",
            "stimulus",
            "thesaurus",
            "lotus",
            "walrus",
            "octopus",
            "abacus",
            "cactus",
            "fungus",
            "hippopotamus",
            "minibus",
            "omnibus");

    private Inflections() {}

    /**
     * Returns the forms a word could be an inflection of.
     *
     * @param word a lower-case word
     * @return for "assigned": assign and assigne; empty for a word without a regular ending
     */
    public static Set<String> bases(String word) {
        Set<String> bases = new LinkedHashSet<>();
        int n = word.length();
        if (n > 4 && word.endsWith("ies")) {
            bases.add(word.substring(0, n - 3) + "y");
        }
        if (n > 3 && word.endsWith("es")) {
            bases.add(word.substring(0, n - 2));
        }
        if (n > 2 && word.endsWith("s") && !word.endsWith("ss")) {
            bases.add(word.substring(0, n - 1));
        }
        if (n > 4 && word.endsWith("ied")) {
            bases.add(word.substring(0, n - 3) + "y");
        }
        if (n > 3 && word.endsWith("ed")) {
            bases.add(word.substring(0, n - 2));
            bases.add(word.substring(0, n - 1));
            if (n > 5 && word.charAt(n - 3) == word.charAt(n - 4)) {
                bases.add(word.substring(0, n - 3));
            }
        }
        if (n > 5 && word.endsWith("ing")) {
            bases.add(word.substring(0, n - 3));
            bases.add(word.substring(0, n - 3) + "e");
        }
        return bases;
    }

    /**
     * Returns the singular of a noun, preferring the lemmatizer's answer when it is a plausible one.
     *
     * @param word a lower-case noun
     * @param lemma the lemmatizer's lemma for it
     * @return the singular
     */
    public static String singular(String word, String lemma) {
        if (word.endsWith("uses") && US_NOUNS.contains(word.substring(0, word.length() - 2))) {
            return word.substring(0, word.length() - 2);
        }
        if (IE_NOUNS.contains(word.substring(0, Math.max(0, word.length() - 1)))) {
            return word.substring(0, word.length() - 1);
        }
        String byRule = Names.singular(word);
        boolean plausible = lemma.length() > 1
                && !lemma.equals(word)
                && word.length() - lemma.length() <= 2
                && word.startsWith(lemma.substring(0, lemma.length() - 1))
                && lemma.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-');
        if (plausible && (byRule.equals(word) || (word.endsWith("oes") && lemma.length() == word.length() - 2))) {
            return lemma;
        }
        return byRule;
    }
}
