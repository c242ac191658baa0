package com.example.tiny;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

/**
 * Runs the migrations and the queries on a real PostgreSQL (embedded binaries from Maven Central).
 */
class PostgresIT extends TestData {
    static final EmbeddedPostgres POSTGRES = start();

    @Autowired
    JdbcTemplate jdbc;

    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    @Test
    void migrationsRanOnPostgres() throws Exception {
        Assertions.assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
        Assertions.assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success and version = '1'", Integer.class)).isEqualTo(1);
    }

    @Test
    void everyResourceWorksOnPostgres() throws Exception {
        Map<String, Object> customerBody = customerBody(nextVariant());
        long customerId = create("/api/customers", customerBody);
        getJson("/api/customers/" + customerId).andExpect(MockMvcResultMatchers.status().isOk());
        getJson("/api/customers?sort=id,desc&size=5").andExpect(MockMvcResultMatchers.status().isOk());
        getJson("/api/customers?sort=email,asc").andExpect(MockMvcResultMatchers.status().isOk());
        getJson("/api/customers?sort=tier,asc").andExpect(MockMvcResultMatchers.status().isOk());
        Map<String, Object> customerDuplicate = customerBody(nextVariant());
        customerDuplicate.put("email", customerBody.get("email"));
        postJson("/api/customers", customerDuplicate).andExpect(problem(409));
        Map<String, Object> orderBody = orderBody(nextVariant());
        long orderId = create("/api/orders", orderBody);
        getJson("/api/orders/" + orderId).andExpect(MockMvcResultMatchers.status().isOk());
        getJson("/api/orders?sort=id,desc&size=5").andExpect(MockMvcResultMatchers.status().isOk());
        getJson("/api/orders?sort=from,asc").andExpect(MockMvcResultMatchers.status().isOk());
        getJson("/api/orders?sort=quantity,asc").andExpect(MockMvcResultMatchers.status().isOk());
    }
}
