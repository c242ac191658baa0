package dev.kiln.intent.internal.rules;

import dev.kiln.intent.internal.lexicon.Lexicon;
import dev.kiln.intent.internal.nlp.Inflections;
import dev.kiln.intent.internal.nlp.Token;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads a phrase as a noun: its concept key, number, quantifier and trailing prepositional phrases.
 *
 * <p>Adjectives and past participles in front of the noun are dropped ("favorite properties" is
 * {@code property}); noun modifiers are kept ("order items" is {@code order item}).
 */
final class NounReader {
    private static final int MAX_WORDS = 3;
    private static final Set<String> PARTITIVE_LINKS = Set.of("on", "in", "at", "for", "of");
    private static final Set<String> POSSESSIVES = Set.of("its", "their", "his", "her", "my", "our", "your");
    private static final Set<String> META_HEADS =
            Set.of("fields", "attributes", "properties", "columns", "entity", "entities", "info", "details");

    private final Lexicon lexicon;

    NounReader(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    Noun read(Phrase phrase) {
        List<Token> tokens = phrase.tokens();
        int i = 0;
        while (i < tokens.size() && isPreposition(tokens.get(i))) {
            i++;
        }
        String quantifier = null;
        boolean own = false;
        while (i < tokens.size() && (isQuantifier(tokens.get(i).lower()) || bound(tokens, i))) {
            String word = tokens.get(i).lower();
            own |= word.equals("own");
            if (word.equals("least")) {
                quantifier = "many";
            } else if (!word.equals("own") && !word.equals("most")) {
                quantifier = strongest(quantifier, word);
            }
            i++;
        }
        int headEnd = i;
        while (headEnd < tokens.size()
                && !isPreposition(tokens.get(headEnd))
                && !(headEnd > i && isQuantifier(tokens.get(headEnd).lower()))) {
            headEnd++;
        }
        if (headEnd - i >= 2 && trailingParticiple(tokens.get(headEnd - 1), tokens.get(headEnd - 2))) {
            headEnd--;
        }
        if (headEnd - i == 1 && headEnd + 1 < tokens.size() && partitive(tokens.get(i), tokens.get(headEnd))) {
            return read(new Phrase(tokens.subList(headEnd + 1, tokens.size()), phrase.parens(), phrase.position()));
        }
        List<Token> head = tokens.subList(i, headEnd);
        List<String> words = words(head);
        boolean plural = false;
        if (!words.isEmpty()) {
            Token last = head.get(contentEnd(head) - 1);
            String lemma = last.taggedNoun() ? ascii(last.lemma()) : "";
            String singular = Inflections.singular(ascii(last.lower()), lemma);
            plural = !singular.equals(ascii(last.lower()));
            words.set(words.size() - 1, singular);
        }
        if (own && !plural) {
            quantifier = "one";
        }
        String key = lexicon.canonical(String.join(" ", words));
        String headWord = key.contains(" ") ? key.substring(key.lastIndexOf(' ') + 1) : key;
        return new Noun(key, headWord, plural, quantifier, pps(tokens, headEnd, phrase.position()), phrase);
    }

    /**
     * Returns where the words that name the concept end: "patient fields" ends before "fields", but
     * "favorite properties" and "their own entity" keep their last word.
     */
    private static int contentEnd(List<Token> head) {
        int end = head.size();
        boolean meta = end >= 2
                && META_HEADS.contains(head.get(end - 1).lower())
                && head.get(end - 2).taggedNoun();
        return meta ? end - 1 : end;
    }

    private List<String> words(List<Token> head) {
        List<String> words = new ArrayList<>();
        int end = contentEnd(head);
        for (int k = 0; k < end; k++) {
            Token t = head.get(k);
            boolean last = k == end - 1;
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

    /**
     * "at most one", "at least one", "their own": words that bound a count. "Own" counts only after a
     * possessive ("their own bank details" is one per owner).
     */
    private boolean bound(List<Token> tokens, int i) {
        String w = tokens.get(i).lower();
        String previous = i > 0 ? tokens.get(i - 1).lower() : "";
        return ((w.equals("most") || w.equals("least")) && previous.equals("at"))
                || (w.equals("own") && POSSESSIVES.contains(previous));
    }

    /** "places on classes", "a space in a course": the share stands for the thing it is a share of. */
    private boolean partitive(Token noun, Token preposition) {
        String singular = Inflections.singular(noun.lower(), noun.lemma());
        return lexicon.isPartitive(singular) && PARTITIVE_LINKS.contains(preposition.lower());
    }

    /** "one tracker fitted", "one car assigned": a participle after the noun describes it. */
    private static boolean trailingParticiple(Token last, Token before) {
        boolean participle = (last.tag().equals("VERB") || last.tag().equals("ADJ"))
                && last.lower().endsWith("ed")
                && !last.lower().endsWith("eed");
        return participle && before.taggedNoun();
    }

    private boolean droppedModifier(Token t) {
        if (t.lower().contains("-")
                && Character.isLetter(t.lower().charAt(t.lower().length() - 1))) {
            return true;
        }
        boolean verbForm = t.lower().endsWith("ed") || t.lower().endsWith("ing");
        boolean verb = t.tag().equals("VERB")
                || (t.lower().endsWith("ing") && t.forms().stream().anyMatch(lexicon.verbs()::knows));
        return t.tag().equals("ADJ") || (verb && verbForm);
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
