package dev.kiln.intent;

import static org.assertj.core.api.Assertions.fail;

import dev.kiln.spec.Entity;
import dev.kiln.spec.Field;
import dev.kiln.spec.Relation;
import dev.kiln.spec.RelationKind;
import dev.kiln.spec.ServiceSpec;
import java.util.Optional;

/** Parses prompts with one shared parser and looks things up in the specs it returns. */
final class Specs {
    /** One parser for all tests: the models load once per JVM anyway. */
    static final RuleBasedIntentParser PARSER = new RuleBasedIntentParser();

    private Specs() {}

    static ParsedIntent parse(String prompt) {
        return PARSER.parse(prompt);
    }

    static ServiceSpec spec(String prompt) {
        return parse(prompt).spec();
    }

    static Entity entity(ServiceSpec spec, String name) {
        return spec.entity(name)
                .orElseGet(() -> fail("no entity " + name + " in "
                        + spec.entities().stream().map(Entity::name).toList()));
    }

    static Field field(ServiceSpec spec, String entity, String field) {
        Entity e = entity(spec, entity);
        return e.field(field)
                .orElseGet(() -> fail("no field " + entity + "." + field + " in "
                        + e.fields().stream().map(Field::name).toList()));
    }

    /** Finds the relation between two entities in either direction. */
    static Optional<Relation> relation(ServiceSpec spec, String a, String b) {
        return spec.relations().stream()
                .filter(r ->
                        (r.from().equals(a) && r.to().equals(b)) || (r.from().equals(b) && r.to().equals(a)))
                .findFirst();
    }

    static RelationKind kind(ServiceSpec spec, String a, String b) {
        return relation(spec, a, b)
                .orElseGet(() -> fail("no relation between " + a + " and " + b + " in " + spec.relations()))
                .kind();
    }
}
