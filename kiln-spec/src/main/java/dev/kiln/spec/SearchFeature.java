package dev.kiln.spec;

import java.util.List;

/**
 * The {@code search} feature: free-text search over chosen fields.
 *
 * @param type {@code fulltext} (keyword) or {@code semantic} (embedding) search
 * @param fields the searched fields as {@code Entity.field}
 */
public record SearchFeature(String type, List<String> fields) {
    /** Normalises absent lists to empty ones. */
    public SearchFeature {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }
}
