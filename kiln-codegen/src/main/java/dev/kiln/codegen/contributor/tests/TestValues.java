package dev.kiln.codegen.contributor.tests;

import com.palantir.javapoet.CodeBlock;
import dev.kiln.codegen.model.FieldModel;
import dev.kiln.codegen.model.SampleData;
import dev.kiln.spec.Field;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Java expressions, evaluated in generated tests, that give valid values varying with {@code n}. */
final class TestValues {
    private TestValues() {}

    static CodeBlock valid(FieldModel field) {
        Field spec = field.spec();
        return switch (spec.type()) {
            case STRING, TEXT, EMAIL, URL -> text(spec);
            case INT -> CodeBlock.of("(int) integer(n, $LL, $LL)", low(spec), high(spec, Integer.MAX_VALUE));
            case LONG -> CodeBlock.of("integer(n, $LL, $LL)", low(spec), high(spec, Long.MAX_VALUE));
            case DECIMAL -> decimal(spec);
            case BOOLEAN -> CodeBlock.of("true");
            case DATE -> CodeBlock.of("$T.of(2024, 1, 1).plusDays(n % 3650).toString()", LocalDate.class);
            case DATETIME ->
                CodeBlock.of("$T.parse($S).plusSeconds(n).toString()", Instant.class, "2024-01-02T03:04:05Z");
            case UUID -> CodeBlock.of("$T.randomUUID().toString()", UUID.class);
            case ENUM ->
                CodeBlock.of(
                        "$T.of($L).get(n % $L)",
                        List.class,
                        spec.values().stream()
                                .map(v -> CodeBlock.of("$S", v).toString())
                                .collect(Collectors.joining(", ")),
                        spec.values().size());
            case JSON -> CodeBlock.of("$T.of($S, n)", Map.class, "sample");
        };
    }

    private static CodeBlock text(Field spec) {
        return SampleData.textTemplate(spec)
                .map(t -> CodeBlock.of("$T.format($T.ROOT, $S, n)", String.class, java.util.Locale.class, t))
                .orElseGet(() -> CodeBlock.of("$S", SampleData.value(spec, 0)));
    }

    private static long low(Field spec) {
        if (spec.min() != null) {
            return spec.min().longValue();
        }
        // Without a min, start at 1, or at the max when that is lower (a spec may allow only negatives).
        return spec.max() != null ? Math.min(1, spec.max().longValue()) : 1;
    }

    private static long high(Field spec, long typeMax) {
        if (spec.max() != null) {
            return spec.max().longValue();
        }
        return Math.min(typeMax, low(spec) + 1_000_000);
    }

    private static CodeBlock decimal(Field spec) {
        BigDecimal limit = BigDecimal.TEN
                .pow(spec.effectivePrecision() - spec.effectiveScale())
                .subtract(BigDecimal.ONE);
        BigDecimal min = spec.min() == null ? BigDecimal.ONE.min(limit) : spec.min();
        BigDecimal max = spec.max() == null
                ? limit.min(min.add(BigDecimal.valueOf(1_000_000)))
                : spec.max().min(limit);
        return CodeBlock.of("decimal(n, $S, $S, $L)", min.toPlainString(), max.toPlainString(), spec.effectiveScale());
    }

    /** A JSON literal the field must reject, or null when there is none worth sending. */
    static String invalidJson(FieldModel field) {
        Object value = SampleData.invalidValue(field.spec());
        if (value == null) {
            return "";
        }
        String text = value.toString();
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
