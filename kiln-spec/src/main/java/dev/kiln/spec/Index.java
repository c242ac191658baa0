package dev.kiln.spec;

import java.util.List;

/**
 * A database index over one or more fields of an entity.
 *
 * @param fields the field names, in index order
 * @param unique whether the combination of values must be unique
 */
public record Index(List<String> fields, boolean unique) {
    /** Copies the field list. */
    public Index {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }
}
