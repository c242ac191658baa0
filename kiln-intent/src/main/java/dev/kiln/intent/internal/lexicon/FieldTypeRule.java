package dev.kiln.intent.internal.lexicon;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * The type and constraints a field name implies, for example {@code price} is a decimal(10,2) from 0.
 *
 * @param type the spec type id, for example {@code decimal}
 * @param min smallest value, for numbers
 * @param max largest value, for numbers
 * @param precision total digits, for decimals
 * @param scale digits after the point, for decimals
 */
public record FieldTypeRule(
        String type,
        @Nullable BigDecimal min,
        @Nullable BigDecimal max,
        @Nullable Integer precision,
        @Nullable Integer scale) {

    /**
     * Creates a rule with a type only.
     *
     * @param type the spec type id
     * @return the rule
     */
    public static FieldTypeRule of(String type) {
        return new FieldTypeRule(type, null, null, null, null);
    }
}
