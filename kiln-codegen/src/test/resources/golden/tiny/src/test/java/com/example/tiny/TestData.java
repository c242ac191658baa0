package com.example.tiny;

import com.example.tiny.security.TestSecurity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Valid request bodies for every entity, creating required parents first.
 */
public abstract class TestData extends ApiTestSupport {
    /**
     * Throwaway secrets and test credentials for every test context.
     */
    @DynamicPropertySource
    static void security(DynamicPropertyRegistry registry) {
        TestSecurity.properties(registry);
    }

    /**
     * A valid create body for {@code /api/customers}; {@code n} makes unique values differ.
     */
    protected Map<String, Object> customerBody(int n) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", String.format(Locale.ROOT, "user%d@example.com", n));
        body.put("passwordHash", String.format(Locale.ROOT, "passwordHash %d", n));
        body.put("tier", List.of("FREE", "PRO").get(n % 2));
        return body;
    }

    /**
     * Creates a valid Customer and returns its id.
     */
    protected long createCustomer() throws Exception {
        return create("/api/customers", customerBody(nextVariant()));
    }

    /**
     * A valid create body for {@code /api/orders}; {@code n} makes unique values differ.
     */
    protected Map<String, Object> orderBody(int n) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", String.format(Locale.ROOT, "from %d", n));
        body.put("quantity", (int) integer(n, 1L, 99L));
        body.put("customerId", createCustomer());
        return body;
    }

    /**
     * Creates a valid Order and returns its id.
     */
    protected long createOrder() throws Exception {
        return create("/api/orders", orderBody(nextVariant()));
    }
}
