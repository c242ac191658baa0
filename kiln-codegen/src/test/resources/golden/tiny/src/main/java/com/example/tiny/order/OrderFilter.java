package com.example.tiny.order;

import com.example.tiny.web.Specs;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.data.jpa.domain.Specification;

/**
 * Query-parameter filters for {@code GET /api/orders}: text matches case-insensitive "contains", everything else equality.
 */
public record OrderFilter(@Size(max = 1000) String from, Integer quantity, Long customerId) {
    /**
     * Sortable API properties and the entity attributes they sort by.
     */
    public static final Map<String, String> SORTABLE = Map.ofEntries(Map.entry("id", "id"), Map.entry("from", "from"), Map.entry("quantity", "quantity"), Map.entry("createdAt", "createdAt"), Map.entry("updatedAt", "updatedAt"));

    public Specification<Order> toSpecification() {
        return Specification.allOf(Specs.contains("from", from),
                Specs.equal("quantity", quantity),
                Specs.equalId("customer", customerId));
    }
}
