package dev.kiln.intent.internal.rules;

import dev.kiln.intent.internal.lexicon.Lexicon;
import dev.kiln.intent.internal.lexicon.VerbKind;
import dev.kiln.intent.internal.nlp.Token;
import dev.kiln.spec.RelationKind;
import dev.kiln.spec.naming.Names;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads relations from statements, once the entities are known.
 *
 * <p>The verb's kind sets the shape: "authors write posts" gives Post many-to-one Author; "order items
 * belong to orders" OrderItem many-to-one Order; "students enroll in courses" many-to-many, unless a
 * record of the enrolment exists, which then joins the two; "tags" and other shared entities are
 * many-to-many wherever something "has many" of them.
 */
final class RelationReader {
    private static final List<VerbKind> PRIORITY = List.of(
            VerbKind.NOMINAL,
            VerbKind.REVERSED,
            VerbKind.JOINS,
            VerbKind.BELONGS,
            VerbKind.MANY_TO_MANY,
            VerbKind.ACQUIRES,
            VerbKind.OWNS,
            VerbKind.OTHER);
    private static final Set<String> POSSESSIVES = Set.of("their", "its", "his", "her");
    private static final Set<String> EACH_OF = Set.of("for", "per", "of");
    private static final Set<String> THROUGH = Set.of("through", "via", "in", "during", "at");
    private static final Set<String> FOR =
            Set.of("for", "to", "of", "on", "with", "in", "at", "about", "into", "from", "against", "within", "under");

    private final Lexicon lexicon;
    private final NounReader nouns;
    private final NounJudge judge;
    private final EntityTable table;
    private final RelationSet relations;

    RelationReader(NounSense sense, EntityTable table, RelationSet relations) {
        this.lexicon = sense.lexicon();
        this.nouns = sense.nouns();
        this.judge = sense.judge();
        this.table = table;
        this.relations = relations;
    }

    void read(Statement statement, Set<String> strongKeys) {
        switch (statement) {
            case Statement.Fields f -> fields(f, strongKeys);
            case Statement.Relation r -> relation(r);
            case Statement.Join j -> join(j);
            case Statement.Declare d -> possessives(d);
        }
    }

    private void fields(Statement.Fields f, Set<String> strongKeys) {
        Optional<DraftEntity> subject = table.find(nouns.read(f.subject()));
        for (Phrase item : f.items()) {
            Noun noun = nouns.read(item);
            Optional<DraftEntity> target = table.find(noun);
            boolean entity = judge.relationItem(noun, strongKeys)
                    || (table.contains(noun.key())
                            && !lexicon.fields().isFieldWord(noun.head())
                            && !NounJudge.flagItem(noun));
            if (subject.isPresent() && !entity) {
                eachOf(f, subject.get().name(), noun);
            }
            if (subject.isEmpty() || target.isEmpty() || !entity) {
                continue;
            }
            String s = subject.get().name();
            String o = target.get().name();
            boolean shared = lexicon.isShared(noun.key()) && (noun.many() || noun.plural());
            if ((f.can() && noun.many()) || shared || m2mHint(item)) {
                relations.add(s, o, RelationKind.MANY_TO_MANY, f.evidence(), 0.85);
            } else if ("one".equals(noun.quantifier()) && !lexicon.isShared(noun.key())) {
                relations.add(s, o, RelationKind.ONE_TO_ONE, f.evidence(), 0.75);
            } else if (!noun.plural() && !noun.many()) {
                relations.add(s, o, RelationKind.MANY_TO_ONE, f.evidence(), 0.7);
            } else {
                relations.add(o, s, RelationKind.MANY_TO_ONE, f.evidence(), 0.85);
                if (noun.many()) {
                    relations.many(s, o, f.evidence());
                }
            }
        }
    }

    /** "Patients and their treatments": a possessive item belongs to the item before it. */
    private void possessives(Statement.Declare d) {
        for (int i = 1; i < d.items().size(); i++) {
            List<Token> words = d.items().get(i).tokens();
            if (words.isEmpty() || !POSSESSIVES.contains(words.getFirst().lower())) {
                continue;
            }
            Optional<DraftEntity> owned = table.find(nouns.read(d.items().get(i)));
            Optional<DraftEntity> owner = table.find(nouns.read(d.items().get(i - 1)));
            if (owned.isPresent() && owner.isPresent()) {
                relations.add(owned.get().name(), owner.get().name(), RelationKind.MANY_TO_ONE, d.evidence(), 0.7);
            }
        }
    }

    /** "Interviews with a score for each application": a field given per row of another entity. */
    private void eachOf(Statement.Fields f, String subject, Noun field) {
        for (Noun.Pp pp : field.pps()) {
            Noun target = nouns.read(pp.object());
            boolean each = "each".equals(target.quantifier()) || "every".equals(target.quantifier());
            if (EACH_OF.contains(pp.preposition()) && each) {
                table.find(target)
                        .ifPresent(t -> relations.add(subject, t.name(), RelationKind.MANY_TO_ONE, f.evidence(), 0.7));
            }
        }
    }

    private void relation(Statement.Relation r) {
        Optional<DraftEntity> subject = table.find(nouns.read(r.subject()));
        VerbKind kind =
                PRIORITY.stream().filter(k -> r.verb().is(k)).findFirst().orElse(VerbKind.OTHER);
        for (Phrase object : r.objects()) {
            Noun noun = nouns.read(object);
            Optional<DraftEntity> target = table.find(noun);
            if (kind == VerbKind.NOMINAL) {
                nominal(r, subject, target);
            } else if (subject.isPresent() && target.isPresent()) {
                relate(r, kind, new Sides(subject.get().name(), target.get().name(), noun));
            } else if (subject.isPresent() && kind == VerbKind.OTHER) {
                throughOnly(r, subject.get().name(), noun);
            }
        }
    }

    /** The two sides of a verb, and the object as a noun with its prepositional phrases. */
    private record Sides(String subject, String object, Noun noun) {}

    private void relate(Statement.Relation r, VerbKind kind, Sides sides) {
        String e = r.evidence();
        String s = sides.subject();
        String o = sides.object();
        Noun noun = sides.noun();
        switch (kind) {
            case REVERSED -> relations.add(o, s, RelationKind.MANY_TO_ONE, e, 0.85);
            case JOINS -> {
                relations.add(s, o, RelationKind.MANY_TO_ONE, e, 0.85);
                for (String p : pps(noun, FOR)) {
                    relations.add(s, p, RelationKind.MANY_TO_ONE, e, 0.8);
                    relations.allowJoins(o, p, List.of(s));
                }
            }
            case BELONGS -> {
                boolean many = noun.many() || m2mHint(noun.phrase());
                relations.add(s, o, many ? RelationKind.MANY_TO_MANY : RelationKind.MANY_TO_ONE, e, 0.85);
                pps(noun, FOR).forEach(p -> relations.add(s, p, RelationKind.MANY_TO_ONE, e, 0.75));
            }
            case MANY_TO_MANY -> joinOrMany(r, sides);
            case ACQUIRES -> {
                if (lexicon.isShared(noun.key())) {
                    joinOrMany(r, sides);
                } else {
                    owns(e, sides);
                }
            }
            case OWNS -> owns(e, sides);
            default -> other(e, sides);
        }
    }

    private void owns(String e, Sides sides) {
        if ("one".equals(sides.noun().quantifier())) {
            relations.one(sides.subject(), sides.object());
        }
        boolean many = m2mHint(sides.noun().phrase());
        relations.add(
                sides.object(), sides.subject(), many ? RelationKind.MANY_TO_MANY : RelationKind.MANY_TO_ONE, e, 0.85);
        pps(sides.noun(), FOR).forEach(p -> relations.add(sides.object(), p, RelationKind.MANY_TO_ONE, e, 0.75));
    }

    private void joinOrMany(Statement.Relation r, Sides sides) {
        String e = r.evidence();
        List<String> joins = lexicon.verbs().joinNouns(r.verb().phrase());
        if (joins.contains(sides.noun().key())) {
            owns(e, sides);
            return;
        }
        Optional<String> join = joins.stream()
                .map(table::byHead)
                .flatMap(Optional::stream)
                .map(DraftEntity::name)
                .filter(n -> !n.equals(sides.subject()) && !n.equals(sides.object()))
                .findFirst()
                .or(() -> pps(sides.noun(), THROUGH).stream().findFirst());
        if (join.isPresent()) {
            relations.add(join.get(), sides.subject(), RelationKind.MANY_TO_ONE, e, 0.8);
            relations.add(join.get(), sides.object(), RelationKind.MANY_TO_ONE, e, 0.8);
        } else {
            relations.add(sides.subject(), sides.object(), RelationKind.MANY_TO_MANY, e, 0.85);
            relations.allowJoins(
                    sides.subject(),
                    sides.object(),
                    joins.stream().map(Names::pascal).toList());
        }
    }

    /**
     * A verb the lexicon does not know relates two entities only through what surrounds it: a record
     * "through" which they meet, "between" two things, "one" object. "A recipe uses many ingredients"
     * is many-to-many when the object is shared by nature or the other side says "many" too ("an
     * ingredient appears in many recipes").
     */
    private void other(String e, Sides sides) {
        if (sides.noun().many()) {
            if (lexicon.isShared(sides.noun().key())) {
                relations.add(sides.subject(), sides.object(), RelationKind.MANY_TO_MANY, e, 0.75);
            } else {
                relations.many(sides.subject(), sides.object(), e);
            }
        }
        for (String join : pps(sides.noun(), THROUGH)) {
            if (!join.equals(sides.subject()) && !join.equals(sides.object())) {
                relations.add(join, sides.subject(), RelationKind.MANY_TO_ONE, e, 0.7);
                relations.add(join, sides.object(), RelationKind.MANY_TO_ONE, e, 0.7);
            }
        }
        if ("one".equals(sides.noun().quantifier())) {
            relations.add(sides.subject(), sides.object(), RelationKind.MANY_TO_ONE, e, 0.7);
        }
        pps(sides.noun(), Set.of("between"))
                .forEach(p -> relations.add(sides.subject(), p, RelationKind.MANY_TO_ONE, e, 0.7));
    }

    /** "Transactions move money between accounts": only the prepositional phrase names an entity. */
    private void throughOnly(Statement.Relation r, String subject, Noun object) {
        pps(object, Set.of("between"))
                .forEach(p -> relations.add(subject, p, RelationKind.MANY_TO_ONE, r.evidence(), 0.7));
    }

    private void nominal(Statement.Relation r, Optional<DraftEntity> subject, Optional<DraftEntity> target) {
        Optional<DraftEntity> record =
                lexicon.verbs().nominal(r.verb().phrase()).flatMap(table::find);
        if (record.isEmpty() || target.isEmpty()) {
            return;
        }
        relations.add(record.get().name(), target.get().name(), RelationKind.MANY_TO_ONE, r.evidence(), 0.7);
        subject.ifPresent(
                s -> relations.add(record.get().name(), s.name(), RelationKind.MANY_TO_ONE, r.evidence(), 0.7));
    }

    /** "Stock per product per warehouse" joins; "one allowance per employee" is one-to-one. */
    private void join(Statement.Join j) {
        Noun head = nouns.read(j.join());
        Optional<DraftEntity> join = table.find(head);
        boolean one = "one".equals(head.quantifier()) && j.parts().size() == 1;
        for (Phrase part : j.parts()) {
            Optional<DraftEntity> target = table.find(nouns.read(part));
            if (join.isPresent() && target.isPresent()) {
                RelationKind kind = one ? RelationKind.ONE_TO_ONE : RelationKind.MANY_TO_ONE;
                relations.add(join.get().name(), target.get().name(), kind, j.evidence(), 0.8);
            }
        }
    }

    private List<String> pps(Noun noun, Set<String> prepositions) {
        return noun.pps().stream()
                .filter(pp -> prepositions.contains(pp.preposition()))
                .map(pp -> table.find(nouns.read(pp.object())))
                .flatMap(Optional::stream)
                .map(DraftEntity::name)
                .toList();
    }

    private static boolean m2mHint(Phrase phrase) {
        return phrase.parens().stream()
                .anyMatch(
                        p -> p.stream().anyMatch(t -> t.lower().replace(" ", "").contains("many-to-many")));
    }
}
