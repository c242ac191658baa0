package dev.kiln.intent.internal.rules;

import dev.kiln.intent.internal.lexicon.Lexicon;
import dev.kiln.intent.internal.nlp.Inflections;
import dev.kiln.intent.internal.nlp.Token;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads a phrase as a noun: its concept key, number, quantifier and trailing prepositional phrases.
 *
 * <p>Adjectives and past participles in front of the noun are dropped ("favorite properties" is
 * {@code property}); noun modifiers are kept ("order items" is {@code order item}).
 */
final class NounReader {
    private static final int MAX_WORDS = 3;

    private final Lexicon lexicon;

    NounReader(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    Noun read(Phrase phrase) {
        List<Token> tokens = phrase.tokens();
        int i = 0;
        String quantifier = null;
        while (i < tokens.size() && isQuantifier(tokens.get(i).lower())) {
            quantifier = strongest(quantifier, tokens.get(i).lower());
            i++;
        }
        int headEnd = i;
        while (headEnd < tokens.size() && !isPreposition(tokens.get(headEnd))) {
            headEnd++;
        }
        List<Token> head = tokens.subList(i, headEnd);
        List<String> words = words(head);
        boolean plural = false;
        if (!words.isEmpty()) {
            Token last = head.getLast();
            String lemma = last.taggedNoun() ? ascii(last.lemma()) : "";
            String singular = Inflections.singular(ascii(last.lower()), lemma);
            plural = !singular.equals(ascii(last.lower()));
            words.set(words.size() - 1, singular);
        }
        String key = lexicon.canonical(String.join(" ", words));
        String headWord = key.contains(" ") ? key.substring(key.lastIndexOf(' ') + 1) : key;
        return new Noun(key, headWord, plural, quantifier, pps(tokens, headEnd, phrase.position()), phrase);
    }

    private List<String> words(List<Token> head) {
        List<String> words = new ArrayList<>();
        for (int k = 0; k < head.size(); k++) {
            Token t = head.get(k);
            boolean last = k == head.size() - 1;
            if (!t.isWord() || (!last && droppedModifier(t))) {
                continue;
            }
            String w = ascii(t.lower());
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        while (words.size() > MAX_WORDS) {
            words.removeFirst();
        }
        return words;
    }

    private static boolean droppedModifier(Token t) {
        return t.tag().equals("ADJ") || (t.tag().equals("VERB") && t.lower().endsWith("ed"));
    }

    private List<Noun.Pp> pps(List<Token> tokens, int from, int position) {
        List<Noun.Pp> pps = new ArrayList<>();
        int i = from;
        while (i < tokens.size()) {
            String preposition = tokens.get(i).lower();
            int j = i + 1;
            while (j < tokens.size() && !isPreposition(tokens.get(j))) {
                j++;
            }
            if (j > i + 1) {
                pps.add(new Noun.Pp(preposition, new Phrase(tokens.subList(i + 1, j), List.of(), position)));
            }
            i = j;
        }
        return pps;
    }

    private boolean isPreposition(Token t) {
        return lexicon.grammar().prepositions().contains(t.lower());
    }

    private boolean isQuantifier(String w) {
        return lexicon.grammar().determiners().contains(w)
                || lexicon.grammar().many().contains(w)
                || lexicon.grammar().one().contains(w);
    }

    private String strongest(@Nullable String current, String word) {
        if (lexicon.grammar().many().contains(word) || "many".equals(current)) {
            return "many";
        }
        if (lexicon.grammar().one().contains(word) || "one".equals(current)) {
            return "one";
        }
        return word;
    }

    /** Removes accents and anything that is not an ASCII letter, digit or hyphen. */
    static String ascii(String word) {
        String plain = Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "");
    }
}
