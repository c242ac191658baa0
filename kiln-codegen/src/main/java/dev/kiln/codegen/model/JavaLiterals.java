package dev.kiln.codegen.model;

import com.palantir.javapoet.CodeBlock;
import dev.kiln.spec.Field;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Java expressions for spec default values. */
public final class JavaLiterals {
    private JavaLiterals() {}

    /**
     * Returns a Java expression for a field's default value.
     *
     * @param field a field with a default
     * @return the expression, for example {@code PostStatus.DRAFT} or {@code new BigDecimal("0.00")}
     * @throws IllegalArgumentException if the field has no default
     */
    public static CodeBlock of(FieldModel field) {
        Field spec = field.spec();
        String value = spec.defaultValue();
        if (value == null) {
            throw new IllegalArgumentException(spec.name() + " has no default");
        }
        return switch (spec.type()) {
            case STRING, TEXT, EMAIL, URL -> CodeBlock.of("$S", value);
            case INT -> CodeBlock.of("$L", Integer.parseInt(value));
            case LONG -> CodeBlock.of("$LL", Long.parseLong(value));
            case DECIMAL -> CodeBlock.of("new $T($S)", BigDecimal.class, value);
            case BOOLEAN -> CodeBlock.of("$L", Boolean.parseBoolean(value));
            case DATE -> CodeBlock.of("$T.parse($S)", LocalDate.class, value);
            case DATETIME -> CodeBlock.of("$T.parse($S).toInstant()", OffsetDateTime.class, value);
            case UUID -> CodeBlock.of("$T.fromString($S)", UUID.class, value);
            case ENUM -> CodeBlock.of("$T.$L", field.javaType(), value);
            case JSON -> throw new IllegalArgumentException("json fields have no default");
        };
    }
}
