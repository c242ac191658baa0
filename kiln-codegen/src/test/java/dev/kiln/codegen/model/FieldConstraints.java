package dev.kiln.codegen.model;

import dev.kiln.spec.Field;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An oracle for tests: what a spec field accepts, written independently of {@link SampleData} and in
 * line with the constraints the generated request records enforce.
 */
final class FieldConstraints {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private FieldConstraints() {}

    /**
     * Returns why a JSON-compatible value is not acceptable for a field.
     *
     * @param field the field
     * @param value a value as SampleData produces it (String, Integer, Long, BigDecimal, Boolean or Map)
     * @return the violations; empty when the value is acceptable
     */
    static List<String> violations(Field field, @Nullable Object value) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            if (field.required() && field.defaultValue() == null) {
                out.add("missing");
            }
            return out;
        }
        switch (field.type()) {
            case STRING, TEXT, EMAIL, URL -> text(field, value, out);
            case INT -> range(field, value instanceof Integer i ? BigDecimal.valueOf(i) : null, out);
            case LONG -> range(field, value instanceof Long l ? BigDecimal.valueOf(l) : null, out);
            case DECIMAL -> decimal(field, value, out);
            case BOOLEAN -> expect(value instanceof Boolean, "not a boolean", out);
            case DATE -> parses(value, s -> LocalDate.parse(s), out);
            case DATETIME -> parses(value, s -> Instant.parse(s), out);
            case UUID -> parses(value, s -> UUID.fromString(s), out);
            case ENUM -> expect(field.values().contains(value), "not one of " + field.values(), out);
            case JSON -> expect(value instanceof Map<?, ?>, "not a JSON object", out);
        }
        return out;
    }

    private static void text(Field field, Object value, List<String> out) {
        if (!(value instanceof String text)) {
            out.add("not a string");
            return;
        }
        if (field.required() && field.defaultValue() == null && text.isBlank()) {
            out.add("blank");
        }
        Integer max = field.effectiveMaxLength();
        if (max != null && text.length() > max) {
            out.add("longer than " + max);
        }
        if (field.minLength() != null && text.length() < field.minLength()) {
            out.add("shorter than " + field.minLength());
        }
        if (field.pattern() != null
                && !Pattern.compile(field.pattern()).matcher(text).matches()) {
            out.add("does not match " + field.pattern());
        }
        switch (field.type()) {
            case EMAIL -> expect(EMAIL.matcher(text).matches(), "not an email address", out);
            case URL -> expect(isHttpUrl(text), "not an http(s) URL", out);
            default -> {
                // Plain text has no format.
            }
        }
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void range(Field field, @Nullable BigDecimal number, List<String> out) {
        if (number == null) {
            out.add("not a " + field.type().id());
            return;
        }
        if (field.min() != null && number.compareTo(field.min()) < 0) {
            out.add("below min " + field.min());
        }
        if (field.max() != null && number.compareTo(field.max()) > 0) {
            out.add("above max " + field.max());
        }
    }

    private static void decimal(Field field, Object value, List<String> out) {
        if (!(value instanceof BigDecimal number)) {
            out.add("not a decimal");
            return;
        }
        range(field, number, out);
        if (number.scale() > field.effectiveScale()) {
            out.add("more than " + field.effectiveScale() + " fraction digits");
        }
        int integerDigits = number.precision() - number.scale();
        if (integerDigits > field.effectivePrecision() - field.effectiveScale()) {
            out.add("too many integer digits");
        }
    }

    private static void parses(Object value, java.util.function.Consumer<String> parser, List<String> out) {
        if (!(value instanceof String text)) {
            out.add("not a string");
            return;
        }
        try {
            parser.accept(text);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            out.add("does not parse: " + e.getMessage());
        }
    }

    private static void expect(boolean condition, String violation, List<String> out) {
        if (!condition) {
            out.add(violation);
        }
    }
}
