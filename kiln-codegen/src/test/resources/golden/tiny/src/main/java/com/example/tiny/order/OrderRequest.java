package com.example.tiny.order;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of create and replace requests for {@code /api/orders}, and the document a merge patch applies to.
 */
public record OrderRequest(@NotBlank @Size(max = 80) String from,
        @NotNull @Min(1L) @Max(99L) Integer quantity, @NotNull Long customerId) {
    /**
     * Returns the current state of an entity as a request, the base of a merge patch.
     */
    static OrderRequest from(Order order) {
        return new OrderRequest(order.getFrom(), order.getQuantity(), order.getCustomer().getId());
    }
}
