package dev.kiln.intent.internal.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides who holds a "with" list that follows the object of a verb.
 *
 * <p>"Organizers create events with a name and a venue": the object holds the list, as it usually does.
 * The subject of the verb holds it instead when the verb is passive ("vet visits are recorded for
 * animals with a visit date"), when the verb links its objects ("a loan links a pupil to a device with
 * a due date"), when the object cannot be an entity, or when the object has fields of its own elsewhere
 * in the prompt and the subject has none ("position reports come from trackers with a speed").
 */
final class FieldHomes {
    private final NounSense sense;
    /** Nouns that hold fields or take part in a verb somewhere in the prompt. */
    private final Set<String> actors = new HashSet<>();

    FieldHomes(NounSense sense) {
        this.sense = sense;
    }

    List<Statement> settle(List<Statement> statements) {
        actors.clear();
        for (Statement s : statements) {
            if (s instanceof Statement.Fields f) {
                actors.add(sense.nouns().read(f.subject()).key());
            } else if (s instanceof Statement.Relation r) {
                actors.add(sense.nouns().read(r.subject()).key());
                r.objects().forEach(o -> actors.add(sense.nouns().read(o).key()));
            }
        }
        Set<String> holders = new HashSet<>();
        for (Statement s : statements) {
            if (s instanceof Statement.Fields f
                    && f.actor() == null
                    && f.items().stream().anyMatch(this::fieldLike)) {
                holders.add(sense.nouns().read(f.subject()).key());
            }
        }
        List<Statement> out = new ArrayList<>(statements.size());
        for (Statement s : statements) {
            out.add(s instanceof Statement.Fields f && f.actor() != null ? settle(f, f.actor(), holders) : s);
        }
        return out;
    }

    private Statement.Fields settle(Statement.Fields f, Phrase actor, Set<String> holders) {
        Noun object = sense.nouns().read(f.subject());
        Noun subject = sense.nouns().read(actor);
        if (!sense.judge().possible(subject) || !f.items().stream().allMatch(this::fieldLike)) {
            return f.heldBy(f.subject());
        }
        boolean objectElsewhere = holders.contains(object.key()) && !holders.contains(subject.key());
        boolean toActor = f.actorFirst() || !sense.judge().possible(object) || objectElsewhere;
        return f.heldBy(toActor ? actor : f.subject());
    }

    /** Whether an item reads as a field rather than as another entity ("a therapist", "many tags"). */
    private boolean fieldLike(Phrase item) {
        Noun noun = sense.nouns().read(item);
        return !sense.judge().relationItem(noun, Set.of())
                && !sense.judge().known(noun)
                && !actors.contains(noun.key());
    }
}
