package dev.kiln.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One field of an entity: a column in the table and a property in the API.
 *
 * @param name lowerCamelCase name, unique within its entity
 * @param type the value type
 * @param required whether a value must always be present
 * @param unique whether two rows may not share a value
 * @param min smallest allowed number (numeric types)
 * @param max largest allowed number (numeric types)
 * @param minLength shortest allowed text (text types)
 * @param maxLength longest allowed text (text types)
 * @param pattern a regular expression the whole text must match (text types)
 * @param defaultValue the value used when a create request leaves the field out
 * @param precision total digits (decimal)
 * @param scale digits after the point (decimal)
 * @param values the allowed values (enum), UPPER_SNAKE_CASE
 * @param description what the field means, copied into the OpenAPI document
 * @param writeOnly whether the API accepts the field but never returns, filters or sorts by it (secrets)
 * @param renamedFrom the name the field had before a rename, so that regeneration renames its column instead
 *     of dropping it and adding a new one; ignored once the recorded spec no longer has that name
 */
@JsonPropertyOrder({
    "name",
    "renamedFrom",
    "type",
    "required",
    "unique",
    "min",
    "max",
    "minLength",
    "maxLength",
    "pattern",
    "default",
    "precision",
    "scale",
    "values",
    "description"
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Field(
        String name,
        FieldType type,
        boolean required,
        boolean unique,
        @Nullable BigDecimal min,
        @Nullable BigDecimal max,
        @Nullable Integer minLength,
        @Nullable Integer maxLength,
        @Nullable String pattern,
        @JsonProperty("default") @Nullable String defaultValue,
        @Nullable Integer precision,
        @Nullable Integer scale,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> values,
        @Nullable String description,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean writeOnly,
        @Nullable String renamedFrom) {

    /** Default digits of a decimal without {@code precision}. */
    public static final int DEFAULT_PRECISION = 19;

    /** Default digits after the point of a decimal without {@code scale}. */
    public static final int DEFAULT_SCALE = 2;

    /** Default maximum length of a {@code string} without {@code maxLength}. */
    public static final int DEFAULT_STRING_LENGTH = 255;

    /** Normalises absent lists to empty ones. */
    public Field {
        values = values == null ? List.of() : List.copyOf(values);
    }

    /**
     * Creates a field that was not renamed.
     *
     * @param name lowerCamelCase name
     * @param type the value type
     * @param required whether a value must always be present
     * @param unique whether two rows may not share a value
     * @param min smallest allowed number
     * @param max largest allowed number
     * @param minLength shortest allowed text
     * @param maxLength longest allowed text
     * @param pattern a regular expression the whole text must match
     * @param defaultValue the value used when a create request leaves the field out
     * @param precision total digits
     * @param scale digits after the point
     * @param values the allowed values of an enum
     * @param description what the field means
     * @param writeOnly whether the API never returns the field
     */
    @SuppressWarnings("InlineMeSuggester")
    public Field(
            String name,
            FieldType type,
            boolean required,
            boolean unique,
            @Nullable BigDecimal min,
            @Nullable BigDecimal max,
            @Nullable Integer minLength,
            @Nullable Integer maxLength,
            @Nullable String pattern,
            @Nullable String defaultValue,
            @Nullable Integer precision,
            @Nullable Integer scale,
            List<String> values,
            @Nullable String description,
            boolean writeOnly) {
        this(
                name,
                type,
                required,
                unique,
                min,
                max,
                minLength,
                maxLength,
                pattern,
                defaultValue,
                precision,
                scale,
                values,
                description,
                writeOnly,
                null);
    }

    /**
     * Creates a field that the API returns as usual (not write-only).
     *
     * @param name lowerCamelCase name
     * @param type the value type
     * @param required whether a value must always be present
     * @param unique whether two rows may not share a value
     * @param min smallest allowed number
     * @param max largest allowed number
     * @param minLength shortest allowed text
     * @param maxLength longest allowed text
     * @param pattern a regular expression the whole text must match
     * @param defaultValue the value used when a create request leaves the field out
     * @param precision total digits
     * @param scale digits after the point
     * @param values the allowed values of an enum
     * @param description what the field means
     */
    @SuppressWarnings("InlineMeSuggester")
    public Field(
            String name,
            FieldType type,
            boolean required,
            boolean unique,
            @Nullable BigDecimal min,
            @Nullable BigDecimal max,
            @Nullable Integer minLength,
            @Nullable Integer maxLength,
            @Nullable String pattern,
            @Nullable String defaultValue,
            @Nullable Integer precision,
            @Nullable Integer scale,
            List<String> values,
            @Nullable String description) {
        this(
                name,
                type,
                required,
                unique,
                min,
                max,
                minLength,
                maxLength,
                pattern,
                defaultValue,
                precision,
                scale,
                values,
                description,
                false);
    }

    /**
     * Creates a plain optional field.
     *
     * @param name the field name
     * @param type the field type
     * @return a field with no constraints
     */
    public static Field of(String name, FieldType type) {
        return new Field(
                name, type, false, false, null, null, null, null, null, null, null, null, List.of(), null, false);
    }

    /**
     * Returns this field under another name, keeping everything else (the rename itself is not recorded).
     *
     * @param newName the new lowerCamelCase name
     * @return a copy
     */
    public Field withName(String newName) {
        return new Field(
                newName,
                type,
                required,
                unique,
                min,
                max,
                minLength,
                maxLength,
                pattern,
                defaultValue,
                precision,
                scale,
                values,
                description,
                writeOnly,
                null);
    }

    /**
     * Returns this field made required or optional.
     *
     * @param isRequired whether the field is required
     * @return a copy
     */
    public Field withRequired(boolean isRequired) {
        return new Field(
                name,
                type,
                isRequired,
                unique,
                min,
                max,
                minLength,
                maxLength,
                pattern,
                defaultValue,
                precision,
                scale,
                values,
                description);
    }

    /**
     * Returns this field made unique or not.
     *
     * @param isUnique whether values must be unique
     * @return a copy
     */
    public Field withUnique(boolean isUnique) {
        return new Field(
                name,
                type,
                required,
                isUnique,
                min,
                max,
                minLength,
                maxLength,
                pattern,
                defaultValue,
                precision,
                scale,
                values,
                description);
    }

    /**
     * Returns this field made write-only or not.
     *
     * @param isWriteOnly whether the API never returns the field
     * @return a copy
     */
    public Field withWriteOnly(boolean isWriteOnly) {
        return new Field(
                name,
                type,
                required,
                unique,
                min,
                max,
                minLength,
                maxLength,
                pattern,
                defaultValue,
                precision,
                scale,
                values,
                description,
                isWriteOnly);
    }

    /**
     * Returns the maximum text length in effect: {@code maxLength}, or 255 for {@code string}, {@code email}
     * and {@code url}, or none for {@code text}.
     *
     * @return the limit, or null when the text is unbounded
     */
    public @Nullable Integer effectiveMaxLength() {
        if (maxLength != null) {
            return maxLength;
        }
        return type == FieldType.STRING || type == FieldType.EMAIL || type == FieldType.URL
                ? DEFAULT_STRING_LENGTH
                : null;
    }

    /**
     * Returns the decimal precision in effect.
     *
     * @return {@code precision}, or {@value #DEFAULT_PRECISION}
     */
    public int effectivePrecision() {
        return precision == null ? DEFAULT_PRECISION : precision;
    }

    /**
     * Returns the decimal scale in effect.
     *
     * @return {@code scale}, or {@value #DEFAULT_SCALE}
     */
    public int effectiveScale() {
        return scale == null ? DEFAULT_SCALE : scale;
    }
}
