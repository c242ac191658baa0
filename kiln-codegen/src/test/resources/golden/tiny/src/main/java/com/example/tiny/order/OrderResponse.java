package com.example.tiny.order;

import java.time.Instant;

/**
 * A Order as the API returns it.
 */
public record OrderResponse(Long id, String from, Integer quantity, Long customerId, long version,
        Instant createdAt, Instant updatedAt) {
    static OrderResponse from(Order order) {
        return new OrderResponse(order.getId(), order.getFrom(), order.getQuantity(), order.getCustomer().getId(), order.getVersion(), order.getCreatedAt(), order.getUpdatedAt());
    }
}
