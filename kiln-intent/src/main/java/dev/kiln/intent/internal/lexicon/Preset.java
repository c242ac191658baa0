package dev.kiln.intent.internal.lexicon;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A well-known service shape, such as a user authentication service or a blog.
 *
 * @param id a short name, for example {@code auth}
 * @param cues regular expressions; the preset applies when one matches the prompt
 * @param always whether its entities are added even when the prompt names entities of its own
 * @param auth the auth type id the shape implies, or null
 * @param roles the roles of that auth feature
 * @param entities the entities of the shape
 * @param relations the relations of the shape
 */
public record Preset(
        String id,
        List<String> cues,
        boolean always,
        @Nullable String auth,
        List<String> roles,
        List<PresetEntity> entities,
        List<PresetRelation> relations) {

    /** Normalises absent lists to empty ones. */
    public Preset {
        cues = cues == null ? List.of() : List.copyOf(cues);
        roles = roles == null ? List.of() : List.copyOf(roles);
        entities = entities == null ? List.of() : List.copyOf(entities);
        relations = relations == null ? List.of() : List.copyOf(relations);
    }

    /**
     * An entity of a preset.
     *
     * @param name the PascalCase entity name
     * @param fields its fields
     */
    public record PresetEntity(String name, List<PresetField> fields) {
        /** Normalises an absent list to an empty one. */
        public PresetEntity {
            fields = fields == null ? List.of() : List.copyOf(fields);
        }
    }

    /**
     * A field of a preset entity, written like a spec field.
     *
     * @param name the field name
     * @param type the spec type id
     * @param required whether it is required
     * @param unique whether it is unique
     * @param min smallest value
     * @param max largest value
     * @param precision total digits
     * @param scale digits after the point
     * @param values enum values
     * @param defaultValue the default
     * @param description what it means
     */
    public record PresetField(
            String name,
            String type,
            boolean required,
            boolean unique,
            java.math.@Nullable BigDecimal min,
            java.math.@Nullable BigDecimal max,
            @Nullable Integer precision,
            @Nullable Integer scale,
            List<String> values,
            @Nullable String defaultValue,
            @Nullable String description) {
        /** Normalises an absent list to an empty one. */
        public PresetField {
            values = values == null ? List.of() : List.copyOf(values);
        }
    }

    /**
     * A relation of a preset.
     *
     * @param from the owning entity
     * @param to the target entity
     * @param kind the relation kind id
     */
    public record PresetRelation(String from, String to, String kind) {}
}
