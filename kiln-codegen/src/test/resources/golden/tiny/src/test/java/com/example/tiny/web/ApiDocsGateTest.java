package com.example.tiny.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** API_DOCS_ENABLED=false must hide the OpenAPI document and Swagger UI, and nothing else. */
class ApiDocsGateTest {

    @Test
    void hidesTheDocumentsWhenDisabled() throws Exception {
        for (String path : new String[] {"/v3/api-docs", "/v3/api-docs.yaml", "/swagger-ui/index.html"}) {
            MockHttpServletResponse response = call(new ApiDocsGate(false), path);
            assertThat(response.getStatus()).as(path).isEqualTo(404);
            assertThat(response.getContentType()).as(path).isEqualTo("application/problem+json");
        }
    }

    @Test
    void passesEverythingElseAndEverythingWhenEnabled() throws Exception {
        assertThat(call(new ApiDocsGate(false), "/api/things").getStatus()).isEqualTo(200);
        assertThat(call(new ApiDocsGate(false), "/actuator/health").getStatus()).isEqualTo(200);
        assertThat(call(new ApiDocsGate(true), "/v3/api-docs").getStatus()).isEqualTo(200);
    }

    private static MockHttpServletResponse call(ApiDocsGate gate, String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        gate.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
