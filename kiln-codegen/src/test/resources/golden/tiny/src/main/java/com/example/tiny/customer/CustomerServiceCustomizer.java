package com.example.tiny.customer;

import com.example.tiny.web.BadRequestException;
import org.springframework.stereotype.Component;

/**
 * Your code around {@link CustomerService}: it calls these hooks inside its transaction.
 *
 * <p>Kiln created this class once and never writes it again: regenerating the project keeps
 * what you put here, so it is the place for rules the spec cannot express. Throw
 * {@code BadRequestException} to refuse a change with a 400.
 */
@Component
public class CustomerServiceCustomizer {
    /**
     * Runs before a new row is first saved.
     */
    public void beforeCreate(Customer customer) {
        // Yours to fill in.
    }

    /**
     * Runs before a changed row is saved (replace and merge patch).
     */
    public void beforeUpdate(Customer customer) {
        // Yours to fill in.
    }

    /**
     * Runs before a row is deleted.
     */
    public void beforeDelete(Customer customer) {
        // Yours to fill in.
    }
}
