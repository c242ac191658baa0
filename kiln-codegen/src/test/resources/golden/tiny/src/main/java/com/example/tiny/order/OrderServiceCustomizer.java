package com.example.tiny.order;

import com.example.tiny.web.BadRequestException;
import org.springframework.stereotype.Component;

/**
 * Your code around {@link OrderService}: it calls these hooks inside its transaction.
 *
 * <p>Kiln created this class once and never writes it again: regenerating the project keeps
 * what you put here, so it is the place for rules the spec cannot express. Throw
 * {@code BadRequestException} to refuse a change with a 400.
 */
@Component
public class OrderServiceCustomizer {
    /**
     * Runs before a new row is first saved.
     */
    public void beforeCreate(Order order) {
        // Yours to fill in.
    }

    /**
     * Runs before a changed row is saved (replace and merge patch).
     */
    public void beforeUpdate(Order order) {
        // Yours to fill in.
    }

    /**
     * Runs before a row is deleted.
     */
    public void beforeDelete(Order order) {
        // Yours to fill in.
    }
}
