package com.example.tiny.customer;

import com.example.tiny.web.Specs;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.data.jpa.domain.Specification;

/**
 * Query-parameter filters for {@code GET /api/customers}: text matches case-insensitive "contains", everything else equality.
 */
public record CustomerFilter(@Size(max = 1000) String email, CustomerTier tier) {
    /**
     * Sortable API properties and the entity attributes they sort by.
     */
    public static final Map<String, String> SORTABLE = Map.ofEntries(Map.entry("id", "id"), Map.entry("email", "email"), Map.entry("tier", "tier"), Map.entry("createdAt", "createdAt"), Map.entry("updatedAt", "updatedAt"));

    public Specification<Customer> toSpecification() {
        return Specification.allOf(Specs.contains("email", email),
                Specs.equal("tier", tier));
    }
}
