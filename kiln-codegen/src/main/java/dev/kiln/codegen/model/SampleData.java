package dev.kiln.codegen.model;

import dev.kiln.spec.Field;
import dev.kiln.spec.FieldType;
import dev.kiln.spec.KilnException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Deterministic valid sample values for fields, used by generated tests and by {@code kiln verify}.
 *
 * <p>Values honour every constraint of the spec (length, range, pattern, enum values); {@code variant}
 * makes values of unique fields differ between rows. Relations are filled by the caller, which knows the
 * ids it created.
 */
public final class SampleData {
    private static final List<String> PATTERN_CANDIDATES = List.of(
            "sample",
            "sample-%d",
            "sample%d",
            "Sample%d",
            "SAMPLE%d",
            "s%d",
            "%d",
            "%d0000",
            "abc-%d",
            "ABC-%d",
            "a",
            "A",
            "user%d@example.com",
            "https://example.com/%d",
            "x%dy",
            "AB%d",
            "ab%d",
            "2024-01-0%d");

    private SampleData() {}

    /**
     * Returns a valid create payload for an entity, without relation ids.
     *
     * @param entity the entity
     * @param variant a small number that makes unique values differ
     * @return property name to JSON-compatible value (String, Number, Boolean or Map), in field order
     */
    public static Map<String, Object> payload(EntityModel entity, int variant) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (FieldModel field : entity.fields()) {
            body.put(field.jsonName(), value(field.spec(), variant));
        }
        return body;
    }

    /**
     * Returns a valid value for a field.
     *
     * @param field the field
     * @param variant a small number that makes unique values differ
     * @return the value
     * @throws KilnException if the field's pattern admits none of the values Kiln tries
     */
    public static Object value(Field field, int variant) {
        return switch (field.type()) {
            case STRING -> text(field, "Sample " + field.name() + " " + variant, variant);
            case TEXT -> text(field, "Some " + field.name() + " text " + variant, variant);
            case EMAIL -> text(field, "user" + variant + "@example.com", variant);
            case URL -> text(field, "https://example.com/" + variant, variant);
            case INT, LONG -> integer(field, variant);
            case DECIMAL -> decimal(field, variant);
            case BOOLEAN -> true;
            case DATE -> "2024-01-" + String.format(java.util.Locale.ROOT, "%02d", 1 + variant % 28);
            case DATETIME -> "2024-01-02T03:04:" + String.format(java.util.Locale.ROOT, "%02d", variant % 60) + "Z";
            case UUID ->
                UUID.nameUUIDFromBytes((field.name() + variant).getBytes(StandardCharsets.UTF_8))
                        .toString();
            case ENUM -> field.values().get(variant % field.values().size());
            case JSON -> Map.of("sample", variant);
        };
    }

    /**
     * Returns an invalid value for a field and says why, or null when every JSON value of the field's
     * type is valid (an optional unconstrained string, say).
     *
     * @param field the field
     * @return the invalid value
     */
    public static @Nullable Object invalidValue(Field field) {
        return switch (field.type()) {
            // A default fills in a missing value, so only a required field without one rejects blanks.
            case STRING, TEXT, EMAIL, URL -> field.required() && field.defaultValue() == null ? "" : tooLong(field);
            case INT, LONG, DECIMAL -> "not-a-number";
            case BOOLEAN -> "maybe";
            case DATE, DATETIME -> "not-a-date";
            case UUID -> "not-a-uuid";
            case ENUM -> "NOT_A_VALUE";
            case JSON -> null;
        };
    }

    private static @Nullable Object tooLong(Field field) {
        Integer max = field.effectiveMaxLength();
        if (field.type() == FieldType.EMAIL) {
            return "not-an-email";
        }
        if (field.type() == FieldType.URL) {
            return "not a url";
        }
        return max == null ? null : "x".repeat(max + 1);
    }

    private static String text(Field field, String preferred, int variant) {
        String candidate = fit(field, preferred);
        if (matches(field, candidate)) {
            return candidate;
        }
        // Candidates with the variant in them first, so values of unique fields differ between rows.
        for (boolean varying : new boolean[] {true, false}) {
            for (String template : PATTERN_CANDIDATES) {
                if (template.contains("%d") != varying) {
                    continue;
                }
                String value = fit(field, String.format(java.util.Locale.ROOT, template, variant));
                if (matches(field, value)) {
                    return value;
                }
            }
        }
        throw new KilnException("Kiln cannot produce a sample value for field '" + field.name() + "' with pattern "
                + field.pattern() + "; tests need one. Simplify the pattern.");
    }

    private static String fit(Field field, String value) {
        String out = value;
        Integer max = field.effectiveMaxLength();
        if (max != null && out.length() > max) {
            out = out.substring(out.length() - max);
        }
        Integer min = field.minLength();
        while (min != null && out.length() < min) {
            out = out + "x";
        }
        return out;
    }

    private static boolean matches(Field field, String value) {
        return field.pattern() == null
                || Pattern.compile(field.pattern()).matcher(value).matches();
    }

    private static Number integer(Field field, int variant) {
        // Without a min, start at 1, or at the max when that is lower (a spec may allow only negatives).
        long low = field.min() != null
                ? field.min().longValue()
                : field.max() != null ? Math.min(1, field.max().longValue()) : 1;
        long high = field.max() == null ? low + 1000 : field.max().longValue();
        long value = low + (variant % Math.max(1, high - low + 1));
        return field.type() == FieldType.INT ? (Number) (int) value : (Number) value;
    }

    private static BigDecimal decimal(Field field, int variant) {
        BigDecimal low = field.min() == null ? BigDecimal.ONE : field.min();
        BigDecimal value = low.add(new BigDecimal("10.25")).add(BigDecimal.valueOf(variant));
        if (field.max() != null && value.compareTo(field.max()) > 0) {
            value = field.max();
        }
        int integerDigits = field.effectivePrecision() - field.effectiveScale();
        BigDecimal limit = BigDecimal.TEN.pow(integerDigits).subtract(BigDecimal.ONE);
        if (value.compareTo(limit) > 0) {
            value = limit;
        }
        return value.setScale(field.effectiveScale(), RoundingMode.DOWN);
    }

    /**
     * Returns a {@link String#format} template with one {@code %d} (or {@code %05d}) whose results satisfy a
     * text field's pattern and length for any variant up to five digits, so tests can make unique values at
     * run time.
     *
     * @param field a text field
     * @return the template, or empty when only a fixed value satisfies the field
     */
    public static java.util.Optional<String> textTemplate(Field field) {
        List<String> templates = new java.util.ArrayList<>();
        templates.add(preferredTemplate(field));
        templates.addAll(PATTERN_CANDIDATES);
        if (field.minLength() != null) {
            // Five zero-padded digits give every variant the same length, padded up to minLength.
            templates.add("x".repeat(Math.max(0, field.minLength() - 5)) + "%05d");
        }
        for (String template : templates) {
            if (!template.contains("%")) {
                continue;
            }
            boolean all = true;
            for (int variant : new int[] {1, 7, 42, 99999}) {
                String value = String.format(java.util.Locale.ROOT, template, variant);
                Integer max = field.effectiveMaxLength();
                boolean fits = (max == null || value.length() <= max)
                        && (field.minLength() == null || value.length() >= field.minLength());
                all &= fits && matches(field, value);
            }
            if (all) {
                return java.util.Optional.of(template);
            }
        }
        return java.util.Optional.empty();
    }

    private static String preferredTemplate(Field field) {
        return switch (field.type()) {
            case EMAIL -> "user%d@example.com";
            case URL -> "https://example.com/%d";
            default -> field.name() + " %d";
        };
    }
}
