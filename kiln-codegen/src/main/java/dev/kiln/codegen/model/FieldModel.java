package dev.kiln.codegen.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.kiln.spec.Field;
import dev.kiln.spec.FieldType;
import dev.kiln.spec.naming.Names;
import dev.kiln.spec.naming.ReservedWords;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A field with its generated names and types.
 *
 * @param spec the field as written
 * @param javaName the Java identifier; differs from the JSON name only for Java keywords
 * @param column the SQL column name
 * @param javaType the Java type of entity and DTO components
 * @param enumType the generated enum, for enum fields
 */
public record FieldModel(
        Field spec,
        String javaName,
        String column,
        TypeName javaType,
        @Nullable ClassName enumType) {

    static FieldModel of(Field field, String entityPackage, String entityClass) {
        String javaName = ReservedWords.isJava(field.name()) ? field.name() + "Value" : field.name();
        ClassName enumType = field.type() == FieldType.ENUM
                ? ClassName.get(entityPackage, entityClass + Names.capitalize(field.name()))
                : null;
        TypeName type = enumType != null ? enumType : javaType(field.type());
        return new FieldModel(field, javaName, SqlNames.safe(Names.snake(field.name())), type, enumType);
    }

    private static TypeName javaType(FieldType type) {
        return switch (type) {
            case STRING, TEXT, EMAIL, URL -> ClassName.get(String.class);
            case INT -> ClassName.get(Integer.class);
            case LONG -> ClassName.get(Long.class);
            case DECIMAL -> ClassName.get(BigDecimal.class);
            case BOOLEAN -> ClassName.get(Boolean.class);
            case DATE -> ClassName.get(LocalDate.class);
            case DATETIME -> ClassName.get(Instant.class);
            case UUID -> ClassName.get(UUID.class);
            case JSON -> ClassName.get("tools.jackson.databind", "JsonNode");
            case ENUM -> throw new IllegalStateException("enum types are generated per field");
        };
    }

    /**
     * Returns the name in JSON and query parameters.
     *
     * @return the spec name
     */
    public String jsonName() {
        return spec.name();
    }

    /**
     * Returns the field type.
     *
     * @return the spec type
     */
    public FieldType type() {
        return spec.type();
    }

    /**
     * Returns the Java name with an upper-case first letter, for accessors.
     *
     * @return for example {@code PublishDate}
     */
    public String capitalized() {
        return Names.capitalize(javaName);
    }

    /**
     * Returns whether the field can be filtered and sorted in list requests.
     *
     * @return false for json, text and write-only fields
     */
    public boolean queryable() {
        return type() != FieldType.JSON && type() != FieldType.TEXT && !spec.writeOnly();
    }

    /**
     * Returns whether the field is a query filter of list requests: queryable, and its name is neither a
     * Java keyword nor one of the paging parameters {@code page}, {@code size} and {@code sort}.
     *
     * @return true when {@code GET /api/{plural}?name=value} filters by it
     */
    public boolean filterable() {
        return queryable() && !ReservedWords.isJava(jsonName()) && !PAGING_PARAMETERS.contains(jsonName());
    }

    private static final java.util.Set<String> PAGING_PARAMETERS = java.util.Set.of("page", "size", "sort");

    /**
     * Returns the column length of an enum field: its longest value, at least 16.
     *
     * @return the length
     */
    public int enumLength() {
        return Math.max(
                16, spec.values().stream().mapToInt(String::length).max().orElse(0));
    }
}
