package dev.kiln.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * A relation between two entities, owned by {@code from}.
 *
 * <p>For {@code many-to-one} and {@code one-to-one}, {@code from} holds the foreign key. For
 * {@code many-to-many}, a join table links the two.
 *
 * @param from the owning entity
 * @param to the target entity
 * @param kind how they relate
 * @param name the property on {@code from}; derived from {@code to} when absent
 * @param inverse the property on {@code to}, exposed as a sub-resource; derived when absent
 * @param required whether every {@code from} row must have a target (not for many-to-many)
 * @param onDelete what deleting a target does; {@code restrict} when absent
 */
@JsonPropertyOrder({"from", "to", "kind", "name", "inverse", "required", "onDelete"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Relation(
        String from,
        String to,
        RelationKind kind,
        @Nullable String name,
        @Nullable String inverse,
        boolean required,
        @Nullable OnDelete onDelete) {

    /**
     * Returns the delete rule in effect.
     *
     * @return {@code onDelete}, or {@link OnDelete#RESTRICT}
     */
    public OnDelete effectiveOnDelete() {
        return onDelete == null ? OnDelete.RESTRICT : onDelete;
    }
}
