package com.example.tiny.customer;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of create and replace requests for {@code /api/customers}, and the document a merge patch applies to.
 */
public record CustomerRequest(@NotBlank @Size(max = 255) @Email String email,
        @Size(max = 255) String passwordHash, CustomerTier tier) {
    /**
     * Returns the current state of an entity as a request, the base of a merge patch.
     */
    static CustomerRequest from(Customer customer) {
        return new CustomerRequest(customer.getEmail(), customer.getPasswordHash(), customer.getTier());
    }
}
