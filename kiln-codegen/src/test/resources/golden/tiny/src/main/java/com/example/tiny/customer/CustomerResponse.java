package com.example.tiny.customer;

import java.time.Instant;

/**
 * A Customer as the API returns it.
 */
public record CustomerResponse(Long id, String email, CustomerTier tier, long version,
        Instant createdAt, Instant updatedAt) {
    static CustomerResponse from(Customer customer) {
        return new CustomerResponse(customer.getId(), customer.getEmail(), customer.getTier(), customer.getVersion(), customer.getCreatedAt(), customer.getUpdatedAt());
    }
}
