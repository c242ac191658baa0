package dev.kiln.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The type of an entity field, as written in a spec ({@code string}, {@code decimal}, ...). */
public enum FieldType {
    /** Short text, up to 255 characters unless {@code maxLength} says otherwise. */
    STRING("string"),
    /** Long text with no fixed limit. */
    TEXT("text"),
    /** An e-mail address, validated on input. */
    EMAIL("email"),
    /** An absolute URL, validated on input. */
    URL("url"),
    /** A 32-bit integer. */
    INT("int"),
    /** A 64-bit integer. */
    LONG("long"),
    /** An exact decimal number with {@code precision} and {@code scale}. */
    DECIMAL("decimal"),
    /** True or false. */
    BOOLEAN("boolean"),
    /** A calendar date without time. */
    DATE("date"),
    /** An instant in time, stored with its time zone. */
    DATETIME("datetime"),
    /** A UUID. */
    UUID("uuid"),
    /** One of a fixed list of {@code values}. */
    ENUM("enum"),
    /** Arbitrary JSON. */
    JSON("json");

    private final String id;

    FieldType(String id) {
        this.id = id;
    }

    /**
     * Returns the name used in spec files.
     *
     * @return the spec name, for example {@code datetime}
     */
    @JsonValue
    public String id() {
        return id;
    }

    /**
     * Returns whether values of this type are text.
     *
     * @return true for string, text, email and url
     */
    public boolean isText() {
        return this == STRING || this == TEXT || this == EMAIL || this == URL;
    }

    /**
     * Returns whether values of this type are numbers.
     *
     * @return true for int, long and decimal
     */
    public boolean isNumeric() {
        return this == INT || this == LONG || this == DECIMAL;
    }

    /**
     * Returns the type with the given spec name.
     *
     * @param id the spec name, case-insensitive
     * @return the type
     * @throws IllegalArgumentException if no type has that name
     */
    @JsonCreator
    public static FieldType fromId(String id) {
        String wanted = id.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(t -> t.id.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown field type: " + id));
    }

    /**
     * Returns every spec name, in declaration order.
     *
     * @return the names
     */
    public static List<String> ids() {
        return Arrays.stream(values()).map(FieldType::id).toList();
    }
}
