package com.example.tiny;

import java.util.List;
import java.util.Map;

/**
 * Malformed requests against every resource; see {@link FuzzTestSupport}.
 */
class FuzzApiTest extends FuzzTestSupport {
    @Override
    protected List<FuzzTestSupport.Target> targets() {
        return List.of(
                new FuzzTestSupport.Target("/api/customers", this::validCustomer)
                        .field("email", TEXTUAL, tooLong(255))
                        .filter("email", "y".repeat(1001))
                        .field("passwordHash", TEXTUAL, tooLong(255))
                        .field("tier", ENUMERATED)
                        .filter("tier", "NOPE", "1")
                        .subResource("/api/customers/{id}/orders"),
                new FuzzTestSupport.Target("/api/orders", this::validOrder)
                        .field("from", TEXTUAL, tooLong(80))
                        .filter("from", "y".repeat(1001))
                        .field("quantity", INTEGRAL, "0", "100")
                        .filter("quantity", "abc", "1.5", "99999999999999999999")
                        .field("customerId", REFERENCE)
                        .filter("customerId", "abc", "1.5"));
    }

    private Map<String, Object> validCustomer() {
        try {
            return customerBody(nextVariant());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> validOrder() {
        try {
            return orderBody(nextVariant());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
