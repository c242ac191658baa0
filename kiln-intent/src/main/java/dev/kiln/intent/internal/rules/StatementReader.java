package dev.kiln.intent.internal.rules;

import dev.kiln.intent.internal.lexicon.Lexicon;
import dev.kiln.intent.internal.lexicon.VerbKind;
import dev.kiln.intent.internal.nlp.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the statements of a clause: one per anchor, plus field lists in parentheses ("subscribers
 * (email, name)") and "per" chains ("stock per product per warehouse").
 */
final class StatementReader {
    private static final Set<String> MODALS = Set.of("can", "could", "may", "might");
    private static final Set<String> ANAPHORS = Set.of("they", "it", "these", "those", "each");

    private final Lexicon lexicon;
    private final AnchorFinder anchors;
    private final PhraseReader phrases;
    private final NounReader nouns;

    StatementReader(Lexicon lexicon, AnchorFinder anchors, PhraseReader phrases, NounReader nouns) {
        this.lexicon = lexicon;
        this.anchors = anchors;
        this.phrases = phrases;
        this.nouns = nouns;
    }

    List<Statement> read(Clause clause) {
        return read(clause, Optional.empty());
    }

    /**
     * Reads a clause whose "they" or "it" may stand for the topic of the clause before.
     *
     * @param topic what the previous clause was about
     */
    List<Statement> read(Clause clause, Optional<Phrase> topic) {
        List<Token> tokens = clause.tokens();
        List<Anchor> found = anchors.find(tokens);
        List<Statement> out = new ArrayList<>();
        if (found.isEmpty()) {
            verbless(clause, out);
            return out;
        }
        List<PhraseReader.Subject> subjects = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            int floor = i == 0 ? 0 : found.get(i - 1).end();
            subjects.add(phrases.subject(tokens, found.get(i), floor, clause.position()));
        }
        Optional<Phrase> previous = Optional.empty();
        for (int i = 0; i < found.size(); i++) {
            Anchor anchor = found.get(i);
            Optional<Phrase> subject = resolve(subjects.get(i), previous, topic);
            int end = i + 1 < found.size() ? spanEnd(found.get(i + 1), subjects.get(i + 1)) : tokens.size();
            List<Phrase> items = phrases.items(tokens, anchor.end(), Math.max(end, anchor.end()), clause.position());
            statement(new Span(anchor, subject, items, modal(tokens, anchor)), clause.text(), out);
            if (subject.isPresent()) {
                previous = subject;
            }
        }
        return out;
    }

    private static Optional<Phrase> resolve(
            PhraseReader.Subject subject, Optional<Phrase> previous, Optional<Phrase> topic) {
        return switch (subject) {
            case PhraseReader.Subject.Found f -> Optional.of(f.phrase());
            case PhraseReader.Subject.Shared s -> previous;
            case PhraseReader.Subject.None n -> ANAPHORS.contains(n.pronoun()) ? topic : Optional.empty();
        };
    }

    /** Returns what a clause is about: its first subject, or the first noun of a clause without verbs. */
    Optional<Phrase> topic(Clause clause) {
        List<Token> tokens = clause.tokens();
        List<Anchor> found = anchors.find(tokens);
        if (!found.isEmpty()) {
            return phrases.subject(tokens, found.getFirst(), 0, clause.position())
                            instanceof PhraseReader.Subject.Found f
                    ? Optional.of(f.phrase())
                    : Optional.empty();
        }
        return phrases.items(tokens, 0, tokens.size(), clause.position()).stream()
                .filter(p -> !p.isEmpty() && p.tokens().getLast().taggedNoun())
                .findFirst();
    }

    private static int spanEnd(Anchor next, PhraseReader.Subject subject) {
        if (next.isWith()) {
            return next.start();
        }
        return switch (subject) {
            case PhraseReader.Subject.Found f -> f.relative() ? f.end() : f.start();
            case PhraseReader.Subject.Shared s -> s.start();
            case PhraseReader.Subject.None n -> n.start();
        };
    }

    /**
     * An anchor with what surrounds it.
     *
     * @param anchor the anchor
     * @param subject its subject, if any
     * @param items the items after it
     * @param can whether a modal softened it
     */
    private record Span(Anchor anchor, Optional<Phrase> subject, List<Phrase> items, boolean can) {}

    private void statement(Span span, String evidence, List<Statement> out) {
        Anchor anchor = span.anchor();
        Optional<Phrase> subject = span.subject();
        List<Phrase> items = span.items();
        boolean can = span.can();
        boolean serviceSubject = subject.isEmpty() || isServiceLike(subject.get());
        if (serviceSubject && (anchor.is(VerbKind.DECLARES) || anchor.is(VerbKind.FIELDS))) {
            declare(items, evidence, out);
            return;
        }
        if (subject.isEmpty()) {
            return;
        }
        Phrase holder = subject.get();
        parenFields(holder, evidence, out);
        if (anchor.is(VerbKind.FIELDS)) {
            List<Phrase> fields = new ArrayList<>();
            for (Phrase item : items) {
                fields.add(perChain(item, Optional.of(holder.bare()), evidence, out));
            }
            out.add(new Statement.Fields(holder.bare(), fields, can, evidence));
            return;
        }
        List<Phrase> objects = new ArrayList<>();
        for (Phrase item : items) {
            Phrase object = perChain(item, Optional.empty(), evidence, out);
            parenFields(object, evidence, out);
            objects.add(object);
        }
        out.add(new Statement.Relation(holder.bare(), anchor, objects, evidence));
    }

    private void declare(List<Phrase> items, String evidence, List<Statement> out) {
        List<Phrase> declared = new ArrayList<>();
        for (Phrase item : items) {
            Phrase head = perChain(item, Optional.empty(), evidence, out);
            parenFields(head, evidence, out);
            declared.add(head.bare());
        }
        out.add(new Statement.Declare(declared, evidence));
    }

    private void verbless(Clause clause, List<Statement> out) {
        List<Phrase> items = phrases.items(clause.tokens(), 0, clause.tokens().size(), clause.position());
        if (items.size() == 1) {
            Phrase only = items.getFirst();
            Phrase head = perChain(only, Optional.empty(), clause.text(), out);
            if (!head.equals(only)) {
                parenFields(head, clause.text(), out);
            }
            return;
        }
        boolean list = items.stream().allMatch(this::nounOnly);
        if (list) {
            out.add(new Statement.Declare(items, clause.text()));
        }
    }

    /** Whether an item of a verbless list is a plain noun phrase: "tickets", "menu items". */
    private boolean nounOnly(Phrase item) {
        List<Token> tokens = item.tokens();
        if (tokens.isEmpty()
                || tokens.size() > 4
                || !item.parens().isEmpty()
                || !tokens.getLast().taggedNoun()) {
            return false;
        }
        return tokens.stream()
                .allMatch(t -> t.isWord()
                        && !lexicon.grammar().pronouns().contains(t.lower())
                        && !t.tag().equals("VERB")
                        && !t.tag().equals("AUX"));
    }

    /** Emits a field list written in parentheses after a noun: "subscribers (email, name)". */
    private void parenFields(Phrase phrase, String evidence, List<Statement> out) {
        String head = nouns.read(phrase.bare()).head();
        if (lexicon.fields().enumHeads().contains(head) || lexicon.fields().isFieldWord(head)) {
            return;
        }
        for (List<Token> group : phrase.parens()) {
            List<Phrase> items = phrases.items(group, 0, group.size(), phrase.position() / 1000);
            boolean listed = group.stream().anyMatch(t -> t.lower().equals(","));
            if (items.size() >= 2 && listed) {
                out.add(new Statement.Fields(phrase.bare(), items, false, evidence));
            }
        }
    }

    /**
     * Splits "stock per product per warehouse" into its head and a join; returns the head.
     *
     * @param owner the entity the join belongs to, when the item is one of its fields
     */
    private Phrase perChain(Phrase item, Optional<Phrase> owner, String evidence, List<Statement> out) {
        List<Token> tokens = item.tokens();
        List<Integer> pers = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).lower().equals("per")) {
                pers.add(i);
            }
        }
        if (pers.isEmpty() || pers.getFirst() == 0) {
            return item;
        }
        pers.add(tokens.size());
        List<Phrase> parts = new ArrayList<>();
        for (int k = 0; k + 1 < pers.size(); k++) {
            parts.add(new Phrase(tokens.subList(pers.get(k) + 1, pers.get(k + 1)), List.of(), item.position()));
        }
        Phrase head = new Phrase(tokens.subList(0, pers.getFirst()), item.parens(), item.position());
        out.add(new Statement.Join(owner.orElse(head.bare()), parts, evidence));
        return head;
    }

    private boolean isServiceLike(Phrase subject) {
        Noun noun = nouns.read(subject);
        String head = noun.head();
        return lexicon.isServiceNoun(head)
                || lexicon.grammar().pronouns().contains(head)
                || (lexicon.isNonEntity(noun.key()) && !lexicon.isEntityWord(noun.key()));
    }

    private static boolean modal(List<Token> tokens, Anchor anchor) {
        for (int j = anchor.start() - 1; j >= 0 && j >= anchor.start() - 3; j--) {
            if (MODALS.contains(tokens.get(j).lower())) {
                return true;
            }
        }
        return false;
    }
}
