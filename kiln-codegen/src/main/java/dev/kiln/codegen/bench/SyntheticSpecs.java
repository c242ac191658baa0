package dev.kiln.codegen.bench;

import dev.kiln.spec.Entity;
import dev.kiln.spec.Features;
import dev.kiln.spec.Field;
import dev.kiln.spec.FieldType;
import dev.kiln.spec.Relation;
import dev.kiln.spec.RelationKind;
import dev.kiln.spec.ServiceSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds specs of any size for benchmarks: every entity has eight fields of mixed types, and each one
 * after the first has a many-to-one relation to its predecessor, so generation cost grows with the model
 * the way it does for real services.
 */
public final class SyntheticSpecs {
    private SyntheticSpecs() {}

    /**
     * Returns a spec with the given number of entities.
     *
     * @param entities how many entities, at least 1
     * @return a valid spec
     */
    public static ServiceSpec withEntities(int entities) {
        if (entities < 1) {
            throw new IllegalArgumentException("a spec needs at least one entity, got " + entities);
        }
        List<Entity> list = new ArrayList<>();
        List<Relation> relations = new ArrayList<>();
        for (int i = 0; i < entities; i++) {
            list.add(new Entity("Thing" + i, null, "Synthetic entity " + i, fields(), List.of()));
            if (i > 0) {
                relations.add(new Relation(
                        "Thing" + i, "Thing" + (i - 1), RelationKind.MANY_TO_ONE, "parent", null, i % 2 == 0, null));
            }
        }
        return new ServiceSpec(
                1, "bench-" + entities, "com.example.bench", "Benchmark spec", list, relations, Features.NONE);
    }

    private static List<Field> fields() {
        Field status = new Field(
                "status",
                FieldType.ENUM,
                true,
                false,
                null,
                null,
                null,
                null,
                null,
                "OPEN",
                null,
                null,
                List.of("OPEN", "CLOSED", "ARCHIVED"),
                null);
        Field price = new Field(
                "price",
                FieldType.DECIMAL,
                false,
                false,
                BigDecimal.ZERO,
                null,
                null,
                null,
                null,
                null,
                10,
                2,
                List.of(),
                null);
        return List.of(
                Field.of("name", FieldType.STRING).withRequired(true),
                Field.of("code", FieldType.STRING).withUnique(true),
                Field.of("description", FieldType.TEXT),
                Field.of("contact", FieldType.EMAIL),
                Field.of("quantity", FieldType.INT),
                price,
                status,
                Field.of("dueOn", FieldType.DATE));
    }
}
