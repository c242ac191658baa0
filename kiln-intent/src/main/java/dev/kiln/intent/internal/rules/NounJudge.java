package dev.kiln.intent.internal.rules;

import dev.kiln.intent.internal.lexicon.FeatureCues;
import dev.kiln.intent.internal.lexicon.Lexicon;
import dev.kiln.intent.internal.nlp.Token;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Judges nouns: whether one could be an entity at all, and whether an item of a field list names an
 * entity ("many tags") rather than a field ("a title").
 */
final class NounJudge {
    private static final Set<String> FLAG_HEADS = Set.of("flag", "flags", "boolean", "checkbox", "toggle");

    private final Lexicon lexicon;
    private final Set<String> suppressed;
    private final Pattern featureWords;

    /**
     * Creates a judge.
     *
     * @param lexicon the lexicon
     * @param suppressed words that name tenants or other non-entities in this prompt
     */
    NounJudge(Lexicon lexicon, Set<String> suppressed) {
        this.lexicon = lexicon;
        this.suppressed = Set.copyOf(suppressed);
        FeatureCues cues = lexicon.features();
        StringBuilder all = new StringBuilder();
        cues.auth().values().forEach(p -> all.append(p.pattern()).append('|'));
        cues.search().values().forEach(p -> all.append(p.pattern()).append('|'));
        all.append(cues.rateLimit().pattern())
                .append('|')
                .append(cues.audit().pattern())
                .append('|');
        all.append(cues.softDelete().pattern())
                .append('|')
                .append(cues.cache().pattern())
                .append('|');
        all.append(cues.multiTenant().pattern());
        this.featureWords = Pattern.compile(all.toString(), Pattern.CASE_INSENSITIVE);
    }

    /** Returns whether a noun could name an entity. */
    boolean possible(Noun noun) {
        String key = noun.key();
        String head = noun.head();
        if (key.isEmpty() || !Character.isLetter(key.charAt(0)) || key.split(" ").length > 3 || head.length() < 2) {
            return false;
        }
        boolean blocked = lexicon.isNonEntity(key)
                || lexicon.isNonEntity(head)
                || lexicon.isServiceNoun(head)
                || lexicon.isAudience(head)
                || lexicon.grammar().pronouns().contains(head)
                || lexicon.fields().units().containsKey(head)
                || isFeatureWords(noun.phrase().text());
        return !blocked && !suppressed.contains(head);
    }

    /** Returns whether a noun commonly names a stored thing. */
    boolean known(Noun noun) {
        return lexicon.isEntityWord(noun.key()) || lexicon.isEntityWord(noun.head());
    }

    /** Returns whether a phrase is about a feature ("jwt auth", "full-text search") rather than data. */
    boolean isFeatureWords(String text) {
        return featureWords.matcher(text).find();
    }

    /**
     * Returns whether an item of a field list names an entity.
     *
     * @param item the item read as a noun
     * @param strongKeys keys of nouns that have fields of their own in this prompt
     */
    boolean relationItem(Noun item, Set<String> strongKeys) {
        if (!possible(item) || enumLike(item.phrase())) {
            return false;
        }
        if (flagItem(item)) {
            return false;
        }
        if (item.many() || strongKeys.contains(item.key())) {
            return true;
        }
        boolean fieldWord = lexicon.fields().isFieldWord(item.head());
        if ("one".equals(item.quantifier()) && known(item)) {
            return true;
        }
        return item.plural() && known(item) && !fieldWord;
    }

    /** Returns whether an item is "an enabled flag": a yes/no field, even where flags are entities. */
    static boolean flagItem(Noun item) {
        List<Token> words =
                item.phrase().tokens().stream().filter(Token::isWord).toList();
        return words.size() >= 2 && FLAG_HEADS.contains(words.getLast().lower());
    }

    /** Returns whether a phrase has a parenthesised list of two or more values: "status (open, closed)". */
    static boolean enumLike(Phrase phrase) {
        return phrase.parens().stream()
                .anyMatch(p -> p.stream()
                        .anyMatch(t -> t.lower().equals(",") || t.lower().equals("or")));
    }
}
