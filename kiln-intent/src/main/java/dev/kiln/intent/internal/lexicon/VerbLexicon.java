package dev.kiln.intent.internal.lexicon;

import dev.kiln.intent.internal.nlp.Token;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The verb phrases of the lexicon, matched against tokens by their base forms.
 *
 * <p>A phrase word {@code be} matches any form of "to be"; words of the grammar's auxiliary list
 * ("also", "usually") may sit between the words of a phrase.
 */
public final class VerbLexicon {
    private final Map<String, Set<VerbKind>> kindsByPhrase = new LinkedHashMap<>();
    private final Map<String, List<List<String>>> byFirstWord = new LinkedHashMap<>();
    private final Map<String, List<String>> joinNouns;
    private final Map<String, String> nominal;
    private final Set<String> skippable;

    VerbLexicon(
            Map<VerbKind, List<String>> byKind,
            Map<String, List<String>> joinNouns,
            Map<String, String> nominal,
            Set<String> skippable) {
        byKind.forEach((kind, list) -> list.forEach(phrase -> kindsByPhrase
                .computeIfAbsent(phrase, p -> EnumSet.noneOf(VerbKind.class))
                .add(kind)));
        nominal.keySet()
                .forEach(phrase -> kindsByPhrase
                        .computeIfAbsent(phrase, p -> EnumSet.noneOf(VerbKind.class))
                        .add(VerbKind.NOMINAL));
        List<List<String>> phrases = new ArrayList<>();
        kindsByPhrase.keySet().forEach(p -> phrases.add(List.of(p.split(" "))));
        phrases.sort(Comparator.<List<String>>comparingInt(List::size).reversed());
        phrases.forEach(p -> byFirstWord
                .computeIfAbsent(p.getFirst(), w -> new ArrayList<>())
                .add(p));
        this.joinNouns = Map.copyOf(joinNouns);
        this.nominal = Map.copyOf(nominal);
        this.skippable = Set.copyOf(skippable);
    }

    /**
     * Finds the longest phrase that starts at a token.
     *
     * @param tokens the sentence
     * @param start where the phrase must start
     * @return the match, or empty
     */
    public Optional<VerbMatch> longestAt(List<Token> tokens, int start) {
        Token first = tokens.get(start);
        List<List<String>> candidates = new ArrayList<>();
        if (matches(first, "be")) {
            candidates.addAll(byFirstWord.getOrDefault("be", List.of()));
        }
        for (String form : first.forms()) {
            if (!form.equals("be")) {
                candidates.addAll(byFirstWord.getOrDefault(form, List.of()));
            }
        }
        candidates.sort(Comparator.<List<String>>comparingInt(List::size).reversed());
        for (List<String> phrase : candidates) {
            int end = matchEnd(tokens, start, phrase);
            if (end > 0) {
                String text = String.join(" ", phrase);
                return Optional.of(new VerbMatch(text, Objects.requireNonNull(kindsByPhrase.get(text)), start, end));
            }
        }
        return Optional.empty();
    }

    /**
     * Finds the longest passive phrase ("be assign to") whose "be" the text leaves out: "..., assigned
     * to a truck".
     *
     * @param tokens the sentence
     * @param start where the participle is
     * @return the match, starting at the participle, or empty
     */
    public Optional<VerbMatch> passiveAt(List<Token> tokens, int start) {
        for (List<String> phrase : byFirstWord.getOrDefault("be", List.of())) {
            if (phrase.size() < 3) {
                continue;
            }
            int end = matchEnd(tokens, start, phrase.subList(1, phrase.size()));
            if (end > 0) {
                String text = String.join(" ", phrase);
                return Optional.of(new VerbMatch(text, Objects.requireNonNull(kindsByPhrase.get(text)), start, end));
            }
        }
        return Optional.empty();
    }

    /**
     * Returns whether a single word is one of the lexicon's verbs, in base form.
     *
     * @param base a lower-case word
     * @return true for words such as {@code store} or {@code borrow}
     */
    public boolean knows(String base) {
        return kindsByPhrase.containsKey(base);
    }

    /**
     * Returns the nouns of records that join a verb's subject and object, such as {@code loan} for "borrow".
     *
     * @param phrase the verb phrase
     * @return the nouns, or an empty list
     */
    public List<String> joinNouns(String phrase) {
        return joinNouns.getOrDefault(phrase, List.of());
    }

    /**
     * Returns the noun of the record a verb creates by itself, such as {@code comment} for "comment on".
     *
     * @param phrase the verb phrase
     * @return the noun, or empty
     */
    public Optional<String> nominal(String phrase) {
        return Optional.ofNullable(nominal.get(phrase));
    }

    private int matchEnd(List<Token> tokens, int start, List<String> phrase) {
        int i = start;
        for (int w = 0; w < phrase.size(); w++) {
            while (w > 0
                    && i < tokens.size()
                    && skippable.contains(tokens.get(i).lower())) {
                i++;
            }
            if (i >= tokens.size() || !matches(tokens.get(i), phrase.get(w))) {
                return -1;
            }
            i++;
        }
        return i;
    }

    private static boolean matches(Token token, String word) {
        if (word.equals("be")) {
            return token.lemma().equals("be")
                    || Set.of("is", "are", "was", "were", "be", "been", "being", "am", "'s", "'re")
                            .contains(token.lower());
        }
        return token.is(word);
    }
}
