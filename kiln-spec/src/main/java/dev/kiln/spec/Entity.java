package dev.kiln.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A persistent thing the service manages: a table, a JPA entity and a REST resource.
 *
 * @param name PascalCase singular name, for example {@code OrderItem}
 * @param plural the lowerCamelCase plural used in URLs and table names; derived when absent
 * @param description what the entity is, copied into the OpenAPI document
 * @param fields the fields, in order; {@code id}, {@code version} and timestamps are implicit
 * @param indexes extra database indexes
 * @param renamedFrom the name the entity had before a rename, so that regeneration renames its table instead
 *     of dropping it and creating a new one; ignored once the recorded spec no longer has that name
 */
@JsonPropertyOrder({"name", "renamedFrom", "plural", "description", "fields", "indexes"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Entity(
        String name,
        @Nullable String plural,
        @Nullable String description,
        List<Field> fields,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Index> indexes,
        @Nullable String renamedFrom) {

    /** Normalises absent lists to empty ones. */
    public Entity {
        fields = fields == null ? List.of() : List.copyOf(fields);
        indexes = indexes == null ? List.of() : List.copyOf(indexes);
    }

    /**
     * Creates an entity that was not renamed.
     *
     * @param name PascalCase singular name
     * @param plural the lowerCamelCase plural, or null to derive it
     * @param description what the entity is
     * @param fields the fields, in order
     * @param indexes extra database indexes
     */
    @SuppressWarnings("InlineMeSuggester")
    public Entity(
            String name,
            @Nullable String plural,
            @Nullable String description,
            List<Field> fields,
            List<Index> indexes) {
        this(name, plural, description, fields, indexes, null);
    }

    /**
     * Returns this entity under another name, keeping everything else (the rename itself is not recorded).
     *
     * @param newName the new PascalCase name
     * @return a copy
     */
    public Entity withName(String newName) {
        return new Entity(newName, plural, description, fields, indexes, null);
    }

    /**
     * Returns this entity with other fields.
     *
     * @param newFields the fields
     * @return a copy
     */
    public Entity withFields(List<Field> newFields) {
        return new Entity(name, plural, description, newFields, indexes, renamedFrom);
    }

    /**
     * Returns this entity with other indexes.
     *
     * @param newIndexes the indexes
     * @return a copy
     */
    public Entity withIndexes(List<Index> newIndexes) {
        return new Entity(name, plural, description, fields, newIndexes, renamedFrom);
    }

    /**
     * Looks up a field by name.
     *
     * @param fieldName the field name
     * @return the field, if the entity has one of that name
     */
    public Optional<Field> field(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }
}
