package dev.kiln.intent.internal.lexicon;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The field-type rules of the lexicon.
 *
 * @param byName types by the whole field name, words joined in lower case ({@code dateofbirth})
 * @param byLastWord types by the last word of the name
 * @param booleanWords words that make a yes/no field
 * @param booleanPrefixes first words that make a yes/no field ({@code is}, {@code has})
 * @param units units after "in", mapped to a type id
 * @param leadingWords words dropped from the front of a field phrase
 * @param optionalWords words that make a field optional
 * @param requiredWords words that make a field required
 * @param uniqueWords words that make a field unique
 * @param enumHeads names that can hold a fixed list of values
 */
public record FieldLexicon(
        Map<String, FieldTypeRule> byName,
        Map<String, FieldTypeRule> byLastWord,
        Set<String> booleanWords,
        Set<String> booleanPrefixes,
        Map<String, String> units,
        Set<String> leadingWords,
        Set<String> optionalWords,
        Set<String> requiredWords,
        Set<String> uniqueWords,
        Set<String> enumHeads) {

    /** Copies the collections. */
    public FieldLexicon {
        byName = Map.copyOf(byName);
        byLastWord = Map.copyOf(byLastWord);
        booleanWords = Set.copyOf(booleanWords);
        booleanPrefixes = Set.copyOf(booleanPrefixes);
        units = Map.copyOf(units);
        leadingWords = Set.copyOf(leadingWords);
        optionalWords = Set.copyOf(optionalWords);
        requiredWords = Set.copyOf(requiredWords);
        uniqueWords = Set.copyOf(uniqueWords);
        enumHeads = Set.copyOf(enumHeads);
    }

    /**
     * Returns the rule for a field named by some words.
     *
     * @param words the lower-case words of the name
     * @return the rule by whole name, else by last word, else empty
     */
    public Optional<FieldTypeRule> rule(List<String> words) {
        if (words.isEmpty()) {
            return Optional.empty();
        }
        FieldTypeRule whole = byName.get(String.join("", words));
        if (whole != null) {
            return Optional.of(whole);
        }
        return Optional.ofNullable(byLastWord.get(words.getLast()));
    }

    /**
     * Returns whether a word is a known field word, by whole name or last word.
     *
     * @param word a lower-case word
     * @return true if some rule names it
     */
    public boolean isFieldWord(String word) {
        return byName.containsKey(word) || byLastWord.containsKey(word) || booleanWords.contains(word);
    }

    static FieldLexicon of(LexiconData.FieldData data) {
        return new FieldLexicon(
                data.byName(),
                data.byLastWord(),
                Set.copyOf(data.booleanWords()),
                Set.copyOf(data.booleanPrefixes()),
                data.units(),
                Set.copyOf(data.leadingWords()),
                Set.copyOf(data.optionalWords()),
                Set.copyOf(data.requiredWords()),
                Set.copyOf(data.uniqueWords()),
                Set.copyOf(data.enumHeads()));
    }
}
