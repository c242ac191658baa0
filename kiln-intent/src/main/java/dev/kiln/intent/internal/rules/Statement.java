package dev.kiln.intent.internal.rules;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** What one anchor of a clause says, before anyone decides which nouns are entities. */
sealed interface Statement {
    /** The words of the prompt the statement came from. */
    String evidence();

    /**
     * "Books have a title, an ISBN and many authors": fields, or entities the subject holds.
     *
     * @param subject the holder
     * @param items what it holds
     * @param can whether a modal ("can have many") softened the verb
     * @param evidence the clause
     * @param actor for "with" after the object of a verb ("reports come from trackers with a speed"), the
     *     subject of that verb, which may be the real holder; otherwise null
     * @param actorFirst whether the verb makes the actor the likelier holder: a passive ("visits are
     *     recorded for animals with a date") or a verb that links ("a loan links a pupil to a device with")
     */
    record Fields(
            Phrase subject,
            List<Phrase> items,
            boolean can,
            String evidence,
            @Nullable Phrase actor,
            boolean actorFirst)
            implements Statement {
        public Fields {
            items = List.copyOf(items);
        }

        Fields(Phrase subject, List<Phrase> items, boolean can, String evidence) {
            this(subject, items, can, evidence, null, false);
        }

        /** Returns the same items held by another subject. */
        Fields heldBy(Phrase holder) {
            return new Fields(holder, items, can, evidence, null, false);
        }
    }

    /**
     * "Members borrow books": a verb between noun phrases.
     *
     * @param subject the subject
     * @param verb the anchor
     * @param objects the objects, each with its prepositional phrases
     * @param evidence the clause
     */
    record Relation(Phrase subject, Anchor verb, List<Phrase> objects, String evidence) implements Statement {
        public Relation {
            objects = List.copyOf(objects);
        }
    }

    /**
     * "An API to manage employees and departments": things the service stores.
     *
     * @param items the things
     * @param evidence the clause
     */
    record Declare(List<Phrase> items, String evidence) implements Statement {
        public Declare {
            items = List.copyOf(items);
        }
    }

    /**
     * "Stock per product per warehouse": a record that joins others.
     *
     * @param join the joining record
     * @param parts what it joins
     * @param evidence the clause
     */
    record Join(Phrase join, List<Phrase> parts, String evidence) implements Statement {
        public Join {
            parts = List.copyOf(parts);
        }
    }
}
