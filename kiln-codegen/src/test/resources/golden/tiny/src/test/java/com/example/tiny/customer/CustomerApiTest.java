package com.example.tiny.customer;

import com.example.tiny.TestData;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import tools.jackson.databind.JsonNode;

/**
 * API tests of {@code /api/customers}.
 */
class CustomerApiTest extends TestData {
    @Test
    void createReadReplacePatchDeleteRoundTrip() throws Exception {
        Map<String, Object> body = customerBody(nextVariant());
        JsonNode created = read(postJson("/api/customers", body).andExpect(MockMvcResultMatchers.status().isCreated()).andExpect(MockMvcResultMatchers.header().string("Location", Matchers.containsString("/api/customers/"))).andExpect(MockMvcResultMatchers.header().string("ETag", "\"0\"")));
        String url = "/api/customers/" + created.get("id").asLong();
        Assertions.assertThat(created.get("email").toString()).as("email").isEqualTo(json.valueToTree(body.get("email")).toString());
        Assertions.assertThat(created.has("passwordHash")).as("write-only passwordHash must never be returned").isFalse();
        Assertions.assertThat(created.get("tier").toString()).as("tier").isEqualTo(json.valueToTree(body.get("tier")).toString());
        // A read returns exactly what the create returned.
        Assertions.assertThat(read(getJson(url).andExpect(MockMvcResultMatchers.status().isOk()))).isEqualTo(created);
        Map<String, Object> replacement = customerBody(nextVariant());
        putJson(url, replacement, "\"999\"").andExpect(problem(412));
        String etag = putJson(url, replacement, "\"0\"").andExpect(MockMvcResultMatchers.status().isOk()).andReturn().getResponse().getHeader("ETag");
        Assertions.assertThat(etag).isNotNull();
        patchJson(url, "{}", "\"999\"").andExpect(problem(412));
        String etag2 = patchJson(url, "{}", etag).andExpect(MockMvcResultMatchers.status().isOk()).andReturn().getResponse().getHeader("ETag");
        deleteWith(url, "\"999\"").andExpect(problem(412));
        deleteWith(url, etag2).andExpect(MockMvcResultMatchers.status().isNoContent());
        getJson(url).andExpect(problem(404));
    }

    @Test
    void invalidInputIsRejectedWithFieldErrors() throws Exception {
        postJson("/api/customers", "{\"broken\":").andExpect(problem(400));
        Map<String, Object> body;
        body = customerBody(nextVariant());
        body.put("email", json.readTree("\"\""));
        postJson("/api/customers", body).andExpect(problem(400)).andExpect(MockMvcResultMatchers.jsonPath("$.errors[*].field", Matchers.hasItem("email")));
        body = customerBody(nextVariant());
        body.remove("email");
        postJson("/api/customers", body).andExpect(problem(400)).andExpect(MockMvcResultMatchers.jsonPath("$.errors[*].field", Matchers.hasItem("email")));
        body = customerBody(nextVariant());
        body.put("passwordHash", json.readTree("\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\""));
        postJson("/api/customers", body).andExpect(problem(400)).andExpect(MockMvcResultMatchers.jsonPath("$.errors[*].field", Matchers.hasItem("passwordHash")));
        body = customerBody(nextVariant());
        body.put("tier", json.readTree("\"NOT_A_VALUE\""));
        postJson("/api/customers", body).andExpect(problem(400)).andExpect(MockMvcResultMatchers.jsonPath("$.errors[*].field", Matchers.hasItem("tier")));
    }

    @Test
    void unknownIdIs404() throws Exception {
        getJson("/api/customers/987654321").andExpect(problem(404));
        putJson("/api/customers/987654321", customerBody(nextVariant()), null).andExpect(problem(404));
        patchJson("/api/customers/987654321", "{}", null).andExpect(problem(404));
        deleteWith("/api/customers/987654321", null).andExpect(problem(404));
    }

    @Test
    void listPagesAndSortsAndRejectsBadParameters() throws Exception {
        long first = createCustomer();
        long second = createCustomer();
        long third = createCustomer();
        JsonNode page = read(getJson("/api/customers?size=2&sort=id,desc").andExpect(MockMvcResultMatchers.status().isOk()));
        Assertions.assertThat(page.get("content").size()).isEqualTo(2);
        Assertions.assertThat(page.get("content").get(0).get("id").asLong()).isGreaterThanOrEqualTo(third);
        Assertions.assertThat(page.get("content").get(0).get("id").asLong()).isGreaterThan(page.get("content").get(1).get("id").asLong());
        Assertions.assertThat(page.get("page").get("totalElements").asLong()).isGreaterThanOrEqualTo(3);
        Assertions.assertThat(page.get("page").get("size").asInt()).isEqualTo(2);
        Assertions.assertThat(first).isLessThan(second);
        getJson("/api/customers?sort=noSuchField").andExpect(problem(400));
        getJson("/api/customers?size=0").andExpect(problem(400));
        getJson("/api/customers?page=-1").andExpect(problem(400));
    }

    @Test
    void duplicateEmailIs409() throws Exception {
        Map<String, Object> first = customerBody(nextVariant());
        create("/api/customers", first);
        Map<String, Object> second = customerBody(nextVariant());
        second.put("email", first.get("email"));
        postJson("/api/customers", second).andExpect(problem(409));
    }
}
