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
 */
@JsonPropertyOrder({"name", "plural", "description", "fields", "indexes"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Entity(
        String name,
        @Nullable String plural,
        @Nullable String description,
        List<Field> fields,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Index> indexes) {

    /** Normalises absent lists to empty ones. */
    public Entity {
        fields = fields == null ? List.of() : List.copyOf(fields);
        indexes = indexes == null ? List.of() : List.copyOf(indexes);
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
