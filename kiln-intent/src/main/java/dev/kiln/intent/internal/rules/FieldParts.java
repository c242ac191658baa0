package dev.kiln.intent.internal.rules;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a field phrase says, taken apart: "a rating from 1 to 5", "status (open, closed)",
 * "duration in minutes", "a short code that must be unique".
 *
 * @param words the lower-case words of the name, in order
 * @param values enum values as written
 * @param min the lower bound of a range
 * @param max the upper bound of a range
 * @param unit the unit after "in", for example {@code minutes}
 * @param flag whether the phrase called itself a flag
 * @param suffix {@code at} or {@code on} when the name ends with one ("published at")
 * @param required whether the phrase asked for a value always
 * @param unique whether the phrase asked for unique values
 */
record FieldParts(
        List<String> words,
        List<String> values,
        @Nullable BigDecimal min,
        @Nullable BigDecimal max,
        @Nullable String unit,
        boolean flag,
        @Nullable String suffix,
        boolean required,
        boolean unique) {
    /** Copies the lists. */
    FieldParts {
        words = List.copyOf(words);
        values = List.copyOf(values);
    }

    FieldParts withWords(List<String> newWords) {
        return new FieldParts(newWords, values, min, max, unit, flag, suffix, required, unique);
    }
}
