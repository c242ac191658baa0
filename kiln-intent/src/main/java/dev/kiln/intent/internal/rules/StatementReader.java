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
    private static final Set<String> FIRST_PERSON = Set.of("we", "i", "our", "my", "us");
    private static final Set<String> WISHES = Set.of("need", "want", "require", "like", "wish");
    /** Prepositions that place one thing in another without a verb: "each device in a home". */
    private static final Set<String> PLACES = Set.of("in", "at", "on", "within", "under", "inside", "for");

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
        if (aboutUs(tokens, found.getFirst())) {
            return out;
        }
        List<PhraseReader.Subject> subjects = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            int floor = i == 0 ? 0 : found.get(i - 1).end();
            subjects.add(phrases.subject(tokens, found.get(i), floor, clause.position()));
        }
        leadingLists(clause, start(subjects.getFirst()), out);
        Optional<Phrase> previous = Optional.empty();
        Optional<Actor> actor = Optional.empty();
        for (int i = 0; i < found.size(); i++) {
            Anchor anchor = found.get(i);
            Optional<Phrase> subject = resolve(subjects.get(i), previous, topic);
            if (tokens.get(anchor.end() - 1).lower().equals(":")) {
                subject = subject.map(StatementReader::asName);
            }
            int end = i + 1 < found.size() ? spanEnd(found.get(i + 1), subjects.get(i + 1)) : tokens.size();
            List<Phrase> items = phrases.items(tokens, anchor.end(), Math.max(end, anchor.end()), clause.position());
            Span span =
                    new Span(anchor, subject, items, modal(tokens, anchor), anchor.isWith() ? actor : Optional.empty());
            statement(span, clause.text(), out);
            actor = subject.isPresent() && !anchor.is(VerbKind.FIELDS)
                    ? Optional.of(new Actor(subject.get(), passive(tokens, anchor) || anchor.is(VerbKind.JOINS)))
                    : Optional.empty();
            if (subject.isPresent()) {
                previous = subject;
            }
        }
        return out;
    }

    /**
     * "We install air-quality monitors in schools", "our school wants to lend tablets to pupils": a
     * clause about the writer describes their world, not what the service stores. "We need an API for
     * X" and "I want X" still ask for things.
     */
    private boolean aboutUs(List<Token> tokens, Anchor first) {
        String word = tokens.getFirst().lower();
        String opener = word.contains("'") ? word.substring(0, word.indexOf('\'')) : word;
        if (!FIRST_PERSON.contains(opener) || first.is(VerbKind.DECLARES)) {
            return false;
        }
        boolean wish = tokens.subList(first.start(), first.end()).stream().anyMatch(t -> WISHES.contains(t.lemma()));
        boolean infinitive =
                first.end() < tokens.size() && tokens.get(first.end()).lower().equals("to");
        return !wish || infinitive;
    }

    private static int start(PhraseReader.Subject subject) {
        return switch (subject) {
            case PhraseReader.Subject.Found f -> f.start();
            case PhraseReader.Subject.Shared s -> s.start();
            case PhraseReader.Subject.None n -> n.start();
        };
    }

    /**
     * "recipes (name, cuisine), ingredients (name, unit), a recipe uses many ingredients": field lists
     * in parentheses before the first subject of a clause.
     */
    private void leadingLists(Clause clause, int end, List<Statement> out) {
        List<Token> lead = clause.tokens().subList(0, end);
        if (lead.stream().noneMatch(t -> t.lower().equals("("))) {
            return;
        }
        for (Phrase item : phrases.items(lead, 0, lead.size(), clause.position())) {
            parenFields(item, clause.text(), out);
        }
    }

    /**
     * "Test order fields:", "Medical record:": before a colon every word is part of the name, whatever
     * the tagger made of it.
     */
    private static Phrase asName(Phrase phrase) {
        List<Token> tokens = phrase.tokens().stream()
                .map(t -> t.tag().equals("ADJ") || t.tag().equals("VERB") ? t.with(t.text(), "NOUN", t.lemma()) : t)
                .toList();
        return new Phrase(tokens, phrase.parens(), phrase.position());
    }

    /** The subject of a verb, for a "with" list that follows the verb's object. */
    private record Actor(Phrase subject, boolean first) {}

    /** Whether a verb is in the passive: "are recorded for", "be assign to". */
    private static boolean passive(List<Token> tokens, Anchor anchor) {
        if (anchor.phrase().startsWith("be ")) {
            return true;
        }
        int j = anchor.start() - 1;
        while (j >= 0 && tokens.get(j).tag().equals("ADV")) {
            j--;
        }
        return j >= 0 && tokens.get(j).lemma().equals("be");
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
     * @param actor for "with", the subject of the verb before it
     */
    private record Span(
            Anchor anchor, Optional<Phrase> subject, List<Phrase> items, boolean can, Optional<Actor> actor) {}

    private void statement(Span span, String evidence, List<Statement> out) {
        Anchor anchor = span.anchor();
        Optional<Phrase> subject = span.subject();
        if (span.actor().isPresent() && (subject.isEmpty() || isServiceLike(subject.get()))) {
            subject = Optional.of(span.actor().get().subject());
        }
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
            String holderKey = nouns.read(holder).key();
            for (Phrase item : items) {
                Optional<Placement> placed = placement(item);
                if (placed.isPresent()
                        && placed.get().counted()
                        && nouns.read(placed.get().thing()).key().equals(holderKey)) {
                    out.add(placed.get().statement(evidence));
                    continue;
                }
                fields.add(perChain(item, Optional.of(holder.bare()), evidence, out));
            }
            Optional<Actor> actor = span.actor();
            out.add(new Statement.Fields(
                    holder.bare(),
                    fields,
                    can,
                    evidence,
                    actor.map(a -> a.subject().bare()).orElse(null),
                    actor.map(Actor::first).orElse(false)));
            return;
        }
        List<Phrase> objects = new ArrayList<>();
        List<Phrase> values = new ArrayList<>();
        for (Phrase item : items) {
            Phrase object = perChain(item, Optional.empty(), evidence, out);
            parenFields(object, evidence, out);
            (placedOnValue(anchor, object) ? values : objects).add(object);
        }
        if (!values.isEmpty()) {
            out.add(new Statement.Fields(holder.bare(), values, false, evidence));
        }
        out.add(new Statement.Relation(holder.bare(), anchor, objects, evidence));
    }

    /** "A meeting is on a date": "be" with a place preposition before a field word names a field. */
    private boolean placedOnValue(Anchor anchor, Phrase object) {
        if (!anchor.phrase().startsWith("be ") || anchor.phrase().split(" ").length != 2) {
            return false;
        }
        List<Token> words = object.tokens().stream()
                .filter(t -> !lexicon.grammar().prepositions().contains(t.lower()))
                .toList();
        Noun noun = nouns.read(new Phrase(words, List.of(), object.position()));
        return lexicon.fields().isFieldWord(noun.head()) && !lexicon.isEntityWord(noun.key()) && !noun.plural();
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
            Optional<Placement> placed = placement(only);
            if (placed.isPresent() && (placed.get().counted() || listed(only))) {
                parenFields(placed.get().thing(), clause.text(), out);
                out.add(placed.get().statement(clause.text()));
                return;
            }
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

    /**
     * A noun placed in or under another without a verb: "each player in at most one guild", "price
     * alerts (target price, direction) for a holding".
     *
     * @param thing the placed noun, with its parentheses
     * @param preposition the preposition
     * @param place the noun after the preposition
     * @param counted whether the placed noun has "each" or "every" in front
     */
    private record Placement(Phrase thing, String preposition, Phrase place, boolean counted) {
        Statement statement(String evidence) {
            Anchor verb = new Anchor(0, 0, "be " + preposition, Set.of(VerbKind.BELONGS));
            return new Statement.Relation(thing.bare(), verb, List.of(place), evidence);
        }
    }

    private Optional<Placement> placement(Phrase item) {
        List<Token> tokens = item.tokens();
        int from = 0;
        while (from < tokens.size()
                && lexicon.grammar().determiners().contains(tokens.get(from).lower())) {
            from++;
        }
        int p = from;
        while (p < tokens.size() && anchors.content(tokens.get(p))) {
            p++;
        }
        int words = p - from;
        if (words < 1
                || words > 3
                || p + 1 >= tokens.size()
                || !PLACES.contains(tokens.get(p).lower())
                || !tokens.get(p - 1).taggedNoun()) {
            return Optional.empty();
        }
        boolean counted = from > 0
                && Set.of("each", "every").contains(tokens.get(from - 1).lower());
        Phrase thing = new Phrase(tokens.subList(0, p), item.parens(), item.position());
        Phrase place = new Phrase(tokens.subList(p, tokens.size()), List.of(), item.position() + p);
        return Optional.of(new Placement(thing, tokens.get(p).lower(), place, counted));
    }

    /** Whether a phrase has a parenthesised list of at least two items. */
    private static boolean listed(Phrase phrase) {
        return phrase.parens().stream()
                .anyMatch(g -> g.stream().filter(t -> t.lower().equals(",")).count() >= 1);
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
        if (parts.stream().allMatch(this::measure)) {
            return item;
        }
        Phrase head = new Phrase(tokens.subList(0, pers.getFirst()), item.parens(), item.position());
        out.add(new Statement.Join(owner.orElse(head.bare()), parts, evidence));
        return head;
    }

    /** "Per month", "per night", "per person": a unit of a rate, which stays in the field's name. */
    private boolean measure(Phrase part) {
        Noun noun = nouns.read(part);
        String head = noun.head();
        return lexicon.fields().units().containsKey(head)
                || lexicon.fields().units().containsKey(head + "s")
                || lexicon.isAudience(head)
                || (lexicon.isNonEntity(head) && !lexicon.isEntityWord(head));
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
