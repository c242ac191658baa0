package dev.kiln.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** How two entities relate. */
public enum RelationKind {
    /** Many rows of {@code from} point at one row of {@code to}; a foreign key on {@code from}. */
    MANY_TO_ONE("many-to-one"),
    /** One row of {@code from} points at at most one row of {@code to}; a unique foreign key. */
    ONE_TO_ONE("one-to-one"),
    /** Rows on both sides relate freely through a join table. */
    MANY_TO_MANY("many-to-many");

    private final String id;

    RelationKind(String id) {
        this.id = id;
    }

    /**
     * Returns the name used in spec files.
     *
     * @return the spec name, for example {@code many-to-one}
     */
    @JsonValue
    public String id() {
        return id;
    }

    /**
     * Returns the kind with the given spec name.
     *
     * @param id the spec name
     * @return the kind
     * @throws IllegalArgumentException if no kind has that name
     */
    @JsonCreator
    public static RelationKind fromId(String id) {
        String wanted = id.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(k -> k.id.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown relation kind: " + id));
    }
}
