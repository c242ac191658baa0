package dev.kiln.intent.internal.rules;

import dev.kiln.intent.internal.lexicon.FieldLexicon;
import dev.kiln.intent.internal.lexicon.FieldTypeRule;
import dev.kiln.spec.Field;
import dev.kiln.spec.FieldType;
import dev.kiln.spec.naming.Names;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Infers a field's type and constraints from its parts, by the lexicon's rules, in this order: listed
 * values make an enum, "flag" or an is/has prefix a boolean, "at"/"on" a datetime/date, a unit a
 * number, a range an int (or the decimal its name implies), then the name's own rule, else a string.
 */
final class FieldTyping {
    private static final int MAX_NAME = 60;

    private final FieldLexicon fields;

    FieldTyping(FieldLexicon fields) {
        this.fields = fields;
    }

    /** A field with the confidence of the rule that typed it. */
    record Typed(Field field, double confidence, String rule) {}

    Optional<Typed> type(FieldParts parts) {
        List<String> words = parts.words();
        if (words.isEmpty()
                || words.size() > 5
                || !Character.isLetter(words.getFirst().charAt(0))) {
            return Optional.empty();
        }
        String name = name(words, parts.suffix());
        if (name.length() > MAX_NAME) {
            return Optional.empty();
        }
        List<String> values = enumValues(parts, words);
        Typed typed;
        if (!values.isEmpty()) {
            typed = typed(name, FieldType.ENUM, null, values, "listed values");
        } else if (isBoolean(parts, words)) {
            typed = typed(name, FieldType.BOOLEAN, null, List.of(), "yes/no word");
        } else if (parts.suffix() != null) {
            FieldType type = parts.suffix().equals("on") ? FieldType.DATE : FieldType.DATETIME;
            typed = typed(name, type, null, List.of(), "'" + parts.suffix() + "' names a point in time");
        } else if (parts.unit() != null) {
            typed = typed(name, unitType(parts.unit()), FieldTypeRule.of("int"), List.of(), "unit " + parts.unit());
        } else if (parts.min() != null || parts.max() != null) {
            typed = ranged(name, parts, words);
        } else {
            typed = byRule(name, words);
        }
        Field field = typed.field()
                .withRequired(parts.required())
                .withUnique(parts.unique() && typed.field().type() != FieldType.JSON);
        return Optional.of(new Typed(field, typed.confidence(), typed.rule()));
    }

    private static String name(List<String> words, @Nullable String suffix) {
        String camel = Names.camel(String.join(" ", words));
        return suffix == null ? camel : camel.substring(0, camel.length() - suffix.length()) + Names.capitalize(suffix);
    }

    private List<String> enumValues(FieldParts parts, List<String> words) {
        if (parts.values().size() < 2) {
            return List.of();
        }
        boolean head = fields.enumHeads().contains(words.getLast());
        boolean shortValues =
                parts.values().stream().allMatch(v -> Names.words(v).size() <= 3);
        if (!head && !shortValues) {
            return List.of();
        }
        Set<String> values = new LinkedHashSet<>();
        for (String v : parts.values()) {
            String constant = Names.upperSnake(NounReader.ascii(v.strip().replace(' ', '-')));
            constant =
                    constant.replaceAll("[^A-Z0-9_]", "").replaceAll("_+", "_").replaceAll("^_|_$", "");
            if (!constant.isEmpty()) {
                values.add(Character.isLetter(constant.charAt(0)) ? constant : "V" + constant);
            }
        }
        return values.size() >= 2 ? new ArrayList<>(values) : List.of();
    }

    private boolean isBoolean(FieldParts parts, List<String> words) {
        if (parts.flag()) {
            return true;
        }
        boolean prefixed = words.size() > 1 && fields.booleanPrefixes().contains(words.getFirst());
        return prefixed || (words.size() == 1 && fields.booleanWords().contains(words.getFirst()));
    }

    private Typed ranged(String name, FieldParts parts, List<String> words) {
        Optional<FieldTypeRule> rule = fields.rule(words);
        boolean decimal = rule.map(r -> r.type().equals("decimal")).orElse(false)
                || scale(parts.min()) > 0
                || scale(parts.max()) > 0;
        FieldType type = decimal ? FieldType.DECIMAL : FieldType.INT;
        Field field = new Field(
                name,
                type,
                false,
                false,
                parts.min(),
                parts.max(),
                null,
                null,
                null,
                null,
                decimal ? rule.map(FieldTypeRule::precision).orElse(10) : null,
                decimal ? rule.map(FieldTypeRule::scale).orElse(2) : null,
                List.of(),
                null);
        return new Typed(field, 0.9, "range " + parts.min() + ".." + parts.max());
    }

    private Typed byRule(String name, List<String> words) {
        Optional<FieldTypeRule> rule = fields.rule(words);
        if (rule.isEmpty()) {
            return typed(name, FieldType.STRING, null, List.of(), "default type");
        }
        FieldTypeRule r = rule.get();
        return new Typed(fromRule(name, r), 0.85, "name '" + String.join(" ", words) + "'");
    }

    static Field fromRule(String name, FieldTypeRule r) {
        FieldType type = FieldType.fromId(r.type());
        boolean decimal = type == FieldType.DECIMAL;
        return new Field(
                name,
                type,
                false,
                false,
                type.isNumeric() ? r.min() : null,
                type.isNumeric() ? r.max() : null,
                null,
                null,
                null,
                null,
                decimal ? r.precision() : null,
                decimal ? r.scale() : null,
                List.of(),
                null);
    }

    private Typed typed(String name, FieldType type, @Nullable FieldTypeRule base, List<String> values, String rule) {
        Field field = new Field(name, type, false, false, null, null, null, null, null, null, null, null, values, null);
        if (base != null && type.isNumeric()) {
            field = new Field(
                    name,
                    type,
                    false,
                    false,
                    BigDecimal.ZERO,
                    null,
                    null,
                    null,
                    null,
                    null,
                    type == FieldType.DECIMAL ? 10 : null,
                    type == FieldType.DECIMAL ? 2 : null,
                    values,
                    null);
        }
        double confidence = type == FieldType.STRING ? 0.6 : 0.85;
        return new Typed(field, confidence, rule);
    }

    private FieldType unitType(String unit) {
        return FieldType.fromId(fields.units().getOrDefault(unit, "int"));
    }

    private static int scale(@Nullable BigDecimal value) {
        return value == null ? 0 : Math.max(0, value.scale());
    }
}
