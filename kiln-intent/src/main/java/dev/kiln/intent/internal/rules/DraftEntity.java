package dev.kiln.intent.internal.rules;

import dev.kiln.spec.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An entity being built: its name, where it was first mentioned, why it exists, and its fields.
 *
 * <p>Mutable while the parser works; {@link SpecAssembler} turns it into a {@link dev.kiln.spec.Entity}.
 */
final class DraftEntity {
    private final String key;
    private final String name;
    private final int position;
    private final String evidence;
    private final double confidence;
    private final Map<String, DraftField> fields = new LinkedHashMap<>();

    DraftEntity(String key, String name, int position, String evidence, double confidence) {
        this.key = key;
        this.name = name;
        this.position = position;
        this.evidence = evidence;
        this.confidence = confidence;
    }

    String key() {
        return key;
    }

    String name() {
        return name;
    }

    int position() {
        return position;
    }

    String evidence() {
        return evidence;
    }

    double confidence() {
        return confidence;
    }

    /** Adds a field unless one of the same name exists; returns whether it was added. */
    boolean addField(DraftField field) {
        return fields.putIfAbsent(field.field().name(), field) == null;
    }

    void replaceField(DraftField field) {
        fields.put(field.field().name(), field);
    }

    void removeField(String fieldName) {
        fields.remove(fieldName);
    }

    boolean hasField(String fieldName) {
        return fields.containsKey(fieldName);
    }

    List<DraftField> fields() {
        return new ArrayList<>(fields.values());
    }

    /**
     * A field being built, with why it exists.
     *
     * @param field the spec field
     * @param evidence the words it came from
     * @param confidence from 0 to 1
     */
    record DraftField(Field field, String evidence, double confidence) {}
}
