package dev.kiln.spec.validation;

import dev.kiln.spec.Field;
import dev.kiln.spec.FieldType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Checks that a field's constraints fit its type and that its default parses. */
final class FieldRules {
    private FieldRules() {}

    static void check(Field field, String path, ProblemLocator locator, List<SpecProblem> problems) {
        FieldType type = field.type();
        checkEnum(field, path, locator, problems);
        if (!type.isNumeric()) {
            notFor(field.min() != null, "min", "numbers (int, long, decimal)", field, path, locator, problems);
            notFor(field.max() != null, "max", "numbers (int, long, decimal)", field, path, locator, problems);
        }
        if (!type.isText()) {
            notFor(field.minLength() != null, "minLength", "text", field, path, locator, problems);
            notFor(field.maxLength() != null, "maxLength", "text", field, path, locator, problems);
            notFor(field.pattern() != null, "pattern", "text", field, path, locator, problems);
        }
        if (type != FieldType.DECIMAL) {
            notFor(field.precision() != null, "precision", "decimal", field, path, locator, problems);
            notFor(field.scale() != null, "scale", "decimal", field, path, locator, problems);
        } else if (field.effectiveScale() > field.effectivePrecision()) {
            problems.add(locator.problem(
                    path + ".scale",
                    "scale " + field.effectiveScale() + " exceeds precision " + field.effectivePrecision()
                            + "; scale counts digits after the point"));
        }
        if (field.unique() && type == FieldType.JSON) {
            problems.add(locator.problem(path + ".unique", "a json field cannot be unique; remove 'unique'"));
        }
        checkRanges(field, path, locator, problems);
        checkPattern(field, path, locator, problems);
        checkDefault(field, path, locator, problems);
    }

    private static void checkEnum(Field field, String path, ProblemLocator locator, List<SpecProblem> problems) {
        if (field.type() == FieldType.ENUM && field.values().isEmpty()) {
            problems.add(locator.problem(
                    path, "enum field '" + field.name() + "' needs 'values', for example values: [OPEN, CLOSED]"));
        }
        if (field.type() != FieldType.ENUM && !field.values().isEmpty()) {
            problems.add(locator.problem(
                    path + ".values", "'values' only applies to enum fields; set 'type: enum' or remove 'values'"));
        }
        Set<String> seen = new HashSet<>();
        for (String value : field.values()) {
            if (!seen.add(dev.kiln.spec.naming.Names.upperSnake(value))) {
                problems.add(locator.problem(path + ".values", "enum value '" + value + "' appears twice"));
            }
        }
    }

    private static void checkRanges(Field field, String path, ProblemLocator locator, List<SpecProblem> problems) {
        if (field.min() != null && field.max() != null && field.min().compareTo(field.max()) > 0) {
            problems.add(locator.problem(
                    path + ".min",
                    "min " + field.min().toPlainString() + " is greater than max "
                            + field.max().toPlainString()));
        }
        if (field.minLength() != null && field.maxLength() != null && field.minLength() > field.maxLength()) {
            problems.add(locator.problem(
                    path + ".minLength",
                    "minLength " + field.minLength() + " is greater than maxLength " + field.maxLength()));
        }
        if (field.type() == FieldType.INT || field.type() == FieldType.LONG) {
            wholeNumber(field.min(), "min", field, path, locator, problems);
            wholeNumber(field.max(), "max", field, path, locator, problems);
        }
        if (field.type() == FieldType.INT) {
            checkBound(field.min(), "min", Integer.MIN_VALUE, Integer.MAX_VALUE, path, locator, problems);
            checkBound(field.max(), "max", Integer.MIN_VALUE, Integer.MAX_VALUE, path, locator, problems);
        }
    }

    private static void wholeNumber(
            @org.jspecify.annotations.Nullable BigDecimal value,
            String key,
            Field field,
            String path,
            ProblemLocator locator,
            List<SpecProblem> problems) {
        if (value != null && value.stripTrailingZeros().scale() > 0) {
            problems.add(locator.problem(
                    path + "." + key,
                    key + " " + value.toPlainString() + " is not a whole number," + " but field '" + field.name()
                            + "' is " + field.type().id() + "; use a whole number or type decimal"));
        }
    }

    private static void checkBound(
            @org.jspecify.annotations.Nullable BigDecimal value,
            String key,
            long low,
            long high,
            String path,
            ProblemLocator locator,
            List<SpecProblem> problems) {
        if (value != null
                && (value.compareTo(BigDecimal.valueOf(low)) < 0 || value.compareTo(BigDecimal.valueOf(high)) > 0)) {
            problems.add(locator.problem(
                    path + "." + key,
                    key + " " + value.toPlainString() + " does not fit an int; use type 'long' or a smaller bound"));
        }
    }

    private static void checkPattern(Field field, String path, ProblemLocator locator, List<SpecProblem> problems) {
        if (field.pattern() == null) {
            return;
        }
        try {
            Pattern.compile(field.pattern());
        } catch (PatternSyntaxException e) {
            problems.add(locator.problem(
                    path + ".pattern",
                    "not a valid regular expression: " + e.getDescription() + " near index " + e.getIndex()));
        }
    }

    private static void checkDefault(Field field, String path, ProblemLocator locator, List<SpecProblem> problems) {
        String value = field.defaultValue();
        if (value == null) {
            return;
        }
        String error = defaultError(field, value);
        if (error != null) {
            problems.add(locator.problem(path + ".default", error));
        }
    }

    private static @org.jspecify.annotations.Nullable String defaultError(Field field, String value) {
        try {
            switch (field.type()) {
                case INT -> Integer.parseInt(value);
                case LONG -> Long.parseLong(value);
                case DECIMAL -> new BigDecimal(value);
                case BOOLEAN -> {
                    if (!value.equals("true") && !value.equals("false")) {
                        return "default of a boolean must be true or false, not '" + value + "'";
                    }
                }
                case DATE -> LocalDate.parse(value);
                case DATETIME -> OffsetDateTime.parse(value);
                case UUID -> UUID.fromString(value);
                case ENUM -> {
                    if (!field.values().contains(value)) {
                        return "default '" + value + "' is not one of the values " + field.values() + "."
                                + Suggestions.didYouMean(value, field.values());
                    }
                }
                case JSON -> {
                    return "json fields cannot have a default; remove 'default'";
                }
                default -> {
                    Integer max = field.effectiveMaxLength();
                    if (max != null && value.length() > max) {
                        return "default is longer than maxLength " + max;
                    }
                }
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            return "default '" + value + "' is not a valid " + field.type().id() + " value";
        } catch (IllegalArgumentException e) {
            return "default '" + value + "' is not a valid uuid";
        }
        if (field.type().isNumeric()) {
            BigDecimal number = new BigDecimal(value);
            if ((field.min() != null && number.compareTo(field.min()) < 0)
                    || (field.max() != null && number.compareTo(field.max()) > 0)) {
                return "default " + value + " lies outside min/max";
            }
        }
        return null;
    }

    private static void notFor(
            boolean present,
            String key,
            String applies,
            Field field,
            String path,
            ProblemLocator locator,
            List<SpecProblem> problems) {
        if (present) {
            problems.add(locator.problem(
                    path + "." + key,
                    "'" + key + "' only applies to " + applies + ", but field '" + field.name() + "' is "
                            + field.type().id() + "; remove it or change the type"));
        }
    }
}
