package com.example.tiny;

import org.assertj.core.api.Assertions;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import tools.jackson.databind.JsonNode;

/**
 * OpenAPI, health probes and metrics.
 */
class PlatformTest extends TestData {
    @Test
    void openApiDescribesEveryResource() throws Exception {
        JsonNode doc = read(getJson("/v3/api-docs").andExpect(MockMvcResultMatchers.status().isOk()));
        Assertions.assertThat(doc.get("paths").has("/api/customers")).as("customers").isTrue();
        Assertions.assertThat(doc.get("paths").has("/api/customers/{id}")).isTrue();
        Assertions.assertThat(doc.get("paths").has("/api/orders")).as("orders").isTrue();
        Assertions.assertThat(doc.get("paths").has("/api/orders/{id}")).isTrue();
    }

    @Test
    void healthProbesAndMetricsAreExposed() throws Exception {
        getJson("/actuator/health/liveness").andExpect(MockMvcResultMatchers.status().isOk()).andExpect(MockMvcResultMatchers.jsonPath("$.status").value("UP"));
        getJson("/actuator/health/readiness").andExpect(MockMvcResultMatchers.status().isOk()).andExpect(MockMvcResultMatchers.jsonPath("$.status").value("UP"));
        mvc.perform(MockMvcRequestBuilders.get("/actuator/prometheus")).andExpect(MockMvcResultMatchers.status().isOk()).andExpect(MockMvcResultMatchers.content().string(Matchers.containsString("jvm_memory_used_bytes")));
    }
}
