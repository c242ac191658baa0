package dev.kiln.intent.internal.rules;

import dev.kiln.intent.internal.lexicon.FieldLexicon;
import dev.kiln.intent.internal.nlp.Inflections;
import dev.kiln.intent.internal.nlp.Token;
import dev.kiln.spec.validation.SemanticRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the field items of a statement into fields of its entity.
 *
 * <p>Items that name entities are left to {@link RelationReader}. Two shorthand forms are expanded:
 * "check-in and check-out dates" gives two date fields, and "patients have names and emails" gives
 * {@code name} and {@code email}.
 */
final class FieldCollector {
    /** A password is data even though it also hints at authentication; {@link UnsafeNames} hashes it. */
    private static final java.util.regex.Pattern PASSWORD =
            java.util.regex.Pattern.compile("(?i)\\bpass(word|phrase)s?\\b");

    private final NounReader nouns;
    private final NounJudge judge;
    private final FieldPhraseReader reader;
    private final FieldTyping typing;
    private final FieldLexicon lexicon;
    private final List<String> notes = new ArrayList<>();

    FieldCollector(NounSense sense, FieldPhraseReader reader, FieldTyping typing) {
        this.nouns = sense.nouns();
        this.judge = sense.judge();
        this.reader = reader;
        this.typing = typing;
        this.lexicon = sense.lexicon().fields();
    }

    /** Returns remarks about items that could not become fields, for warnings. */
    List<String> notes() {
        return List.copyOf(notes);
    }

    void collect(Statement.Fields statement, EntityTable table, Set<String> strongKeys) {
        Noun subject = nouns.read(statement.subject());
        Optional<DraftEntity> owner = table.find(subject);
        if (owner.isEmpty()) {
            return;
        }
        List<Phrase> items = new ArrayList<>();
        for (Phrase item : statement.items()) {
            Noun noun = nouns.read(item);
            boolean entity = judge.relationItem(noun, strongKeys) || namesEntity(noun, table);
            boolean password = PASSWORD.matcher(item.text()).find();
            if (!entity && (password || !judge.isFeatureWords(item.text()))) {
                items.add(item);
            }
        }
        List<FieldParts> parts = expand(items, subject.plural());
        for (int i = 0; i < parts.size(); i++) {
            add(owner.get(), parts.get(i), items.get(i));
        }
    }

    private boolean namesEntity(Noun noun, EntityTable table) {
        return table.contains(noun.key())
                && !lexicon.isFieldWord(noun.head())
                && !NounJudge.enumLike(noun.phrase())
                && !NounJudge.flagItem(noun);
    }

    private void add(DraftEntity owner, FieldParts parts, Phrase item) {
        Optional<FieldTyping.Typed> typed = typing.type(parts);
        if (typed.isEmpty()) {
            notes.add("ignored '" + item.text() + "': not a field name");
            return;
        }
        String name = typed.get().field().name();
        if (SemanticRules.IMPLICIT_FIELDS.contains(name)) {
            notes.add("'" + name + "' of " + owner.name() + " is added to every entity by Kiln");
            return;
        }
        owner.addField(new DraftEntity.DraftField(
                typed.get().field(),
                item.text() + " (" + typed.get().rule() + ")",
                typed.get().confidence()));
    }

    private List<FieldParts> expand(List<Phrase> items, boolean pluralOwner) {
        List<FieldParts> parts = new ArrayList<>();
        items.forEach(item -> parts.add(reader.read(item)));
        for (int i = 0; i + 1 < items.size(); i++) {
            Optional<String> shared = sharedHead(items.get(i), parts.get(i + 1), parts.get(i));
            if (shared.isPresent()) {
                parts.set(i, parts.get(i).withWords(append(parts.get(i).words(), shared.get())));
                parts.set(i + 1, singularLast(parts.get(i + 1)));
            }
        }
        long plural = items.stream().filter(this::pluralBare).count();
        if (pluralOwner && plural * 2 > items.size()) {
            for (int i = 0; i < items.size(); i++) {
                if (pluralBare(items.get(i))) {
                    parts.set(i, singularLast(parts.get(i)));
                }
            }
        }
        return parts;
    }

    /** "check-in and check-out dates": the head noun the first item shares with the second. */
    private Optional<String> sharedHead(Phrase item, FieldParts next, FieldParts parts) {
        List<Token> words = item.tokens().stream().filter(Token::isWord).toList();
        boolean single = words.size() == 1 && item.parens().isEmpty() && parts.suffix() == null;
        if (!single || next.words().size() < 2 || next.suffix() != null) {
            return Optional.empty();
        }
        Token only = words.getFirst();
        String last = next.words().getLast();
        boolean modifier = only.tag().equals("ADJ")
                || only.lower().contains("-")
                || (only.lower().endsWith("ed") && !only.taggedNoun());
        boolean pluralWord = !Inflections.singular(only.lower(), only.lemma()).equals(only.lower());
        if (lexicon.isFieldWord(only.lower()) || pluralWord || !modifier) {
            return Optional.empty();
        }
        return Optional.of(Inflections.singular(last, last));
    }

    private boolean pluralBare(Phrase item) {
        List<Token> words = item.tokens().stream().filter(Token::isWord).toList();
        if (words.isEmpty() || judge.isFeatureWords(item.text())) {
            return false;
        }
        Token last = words.getLast();
        boolean determiner = words.size() > 1
                && Set.of("a", "an", "the", "one").contains(words.getFirst().lower());
        return !determiner
                && !lexicon.byName().containsKey(last.lower())
                && !Inflections.singular(last.lower(), last.lemma()).equals(last.lower());
    }

    private static FieldParts singularLast(FieldParts parts) {
        if (parts.words().isEmpty()) {
            return parts;
        }
        List<String> words = new ArrayList<>(parts.words());
        String last = words.getLast();
        words.set(words.size() - 1, Inflections.singular(last, last));
        return parts.withWords(words);
    }

    private static List<String> append(List<String> words, String word) {
        List<String> out = new ArrayList<>(words);
        out.add(word);
        return out;
    }
}
