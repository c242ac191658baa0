package dev.kiln.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What deleting the target of a relation does to the rows that point at it. */
public enum OnDelete {
    /** Refuse the delete while rows point at the target (409 Conflict in the generated API). */
    RESTRICT,
    /** Delete the rows that point at the target too. */
    CASCADE,
    /** Clear the reference in the rows that point at the target; only for optional relations. */
    SET_NULL;

    /**
     * Returns the name used in spec files.
     *
     * @return {@code restrict}, {@code cascade} or {@code set-null}
     */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Returns the rule with the given spec name.
     *
     * @param id the spec name
     * @return the rule
     */
    @JsonCreator
    public static OnDelete fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
