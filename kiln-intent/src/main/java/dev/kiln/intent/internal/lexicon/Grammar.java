package dev.kiln.intent.internal.lexicon;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Closed-class English words that delimit phrases.
 *
 * <p>Tags from a statistical tagger are unreliable in terse prompts, so phrase boundaries rest on these
 * lists, which are small and complete.
 *
 * @param determiners articles, possessives and distributives
 * @param many quantifiers meaning "more than one"
 * @param one quantifiers meaning "exactly one"
 * @param prepositions prepositions
 * @param conjunctions coordinating conjunctions
 * @param pronouns pronouns
 * @param auxiliaries auxiliaries, modals and adverbs that sit inside a verb group
 * @param relatives relative pronouns
 * @param subordinators conjunctions that open a subordinate clause ("when", "because")
 */
public record Grammar(
        Set<String> determiners,
        Set<String> many,
        Set<String> one,
        Set<String> prepositions,
        Set<String> conjunctions,
        Set<String> pronouns,
        Set<String> auxiliaries,
        Set<String> relatives,
        Set<String> subordinators) {

    /** Copies the sets. */
    public Grammar {
        determiners = Set.copyOf(determiners);
        many = Set.copyOf(many);
        one = Set.copyOf(one);
        prepositions = Set.copyOf(prepositions);
        conjunctions = Set.copyOf(conjunctions);
        pronouns = Set.copyOf(pronouns);
        auxiliaries = Set.copyOf(auxiliaries);
        relatives = Set.copyOf(relatives);
        subordinators = Set.copyOf(subordinators);
    }

    /**
     * Returns whether a word is a function word: anything but a content word.
     *
     * @param word a lower-case word
     * @return true for determiners, prepositions, conjunctions, pronouns and auxiliaries
     */
    public boolean isFunctionWord(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        int clitic = lower.indexOf('\'');
        String w = clitic > 0 ? lower.substring(0, clitic) : lower;
        return subordinators.contains(w)
                || determiners.contains(w)
                || prepositions.contains(w)
                || conjunctions.contains(w)
                || pronouns.contains(w)
                || auxiliaries.contains(w);
    }

    /**
     * Returns every word in the lists, for the typo corrector to leave alone.
     *
     * @return the words
     */
    public List<String> allWords() {
        return List.of(
                        determiners,
                        many,
                        one,
                        prepositions,
                        conjunctions,
                        pronouns,
                        auxiliaries,
                        relatives,
                        subordinators)
                .stream()
                .flatMap(Set::stream)
                .sorted()
                .toList();
    }
}
