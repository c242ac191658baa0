package com.example.tiny.order;

import com.example.tiny.TestData;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import tools.jackson.databind.JsonNode;

/**
 * API tests of {@code /api/orders}.
 */
class OrderApiTest extends TestData {
    @Test
    void createReadReplacePatchDeleteRoundTrip() throws Exception {
        Map<String, Object> body = orderBody(nextVariant());
        JsonNode created = read(postJson("/api/orders", body).andExpect(MockMvcResultMatchers.status().isCreated()).andExpect(MockMvcResultMatchers.header().string("Location", Matchers.containsString("/api/orders/"))).andExpect(MockMvcResultMatchers.header().string("ETag", "\"0\"")));
        String url = "/api/orders/" + created.get("id").asLong();
        Assertions.assertThat(created.get("from").toString()).as("from").isEqualTo(json.valueToTree(body.get("from")).toString());
        Assertions.assertThat(created.get("quantity").toString()).as("quantity").isEqualTo(json.valueToTree(body.get("quantity")).toString());
        // A read returns exactly what the create returned.
        Assertions.assertThat(read(getJson(url).andExpect(MockMvcResultMatchers.status().isOk()))).isEqualTo(created);
        Map<String, Object> replacement = orderBody(nextVariant());
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
        postJson("/api/orders", "{\"broken\":").andExpect(problem(400));
        Map<String, Object> body;
        body = orderBody(nextVariant());
        body.put("from", json.readTree("\"\""));
        postJson("/api/orders", body).andExpect(problem(400)).andExpect(MockMvcResultMatchers.jsonPath("$.errors[*].field", Matchers.hasItem("from")));
        body = orderBody(nextVariant());
        body.remove("from");
        postJson("/api/orders", body).andExpect(problem(400)).andExpect(MockMvcResultMatchers.jsonPath("$.errors[*].field", Matchers.hasItem("from")));
        body = orderBody(nextVariant());
        body.put("quantity", json.readTree("\"not-a-number\""));
        postJson("/api/orders", body).andExpect(problem(400)).andExpect(MockMvcResultMatchers.jsonPath("$.errors[*].field", Matchers.hasItem("quantity")));
        body = orderBody(nextVariant());
        body.remove("quantity");
        postJson("/api/orders", body).andExpect(problem(400)).andExpect(MockMvcResultMatchers.jsonPath("$.errors[*].field", Matchers.hasItem("quantity")));
        body = orderBody(nextVariant());
        body.put("customerId", 987654321L);
        postJson("/api/orders", body).andExpect(problem(400)).andExpect(MockMvcResultMatchers.jsonPath("$.errors[*].field", Matchers.hasItem("customerId")));
    }

    @Test
    void unknownIdIs404() throws Exception {
        getJson("/api/orders/987654321").andExpect(problem(404));
        putJson("/api/orders/987654321", orderBody(nextVariant()), null).andExpect(problem(404));
        patchJson("/api/orders/987654321", "{}", null).andExpect(problem(404));
        deleteWith("/api/orders/987654321", null).andExpect(problem(404));
    }

    @Test
    void listPagesAndSortsAndRejectsBadParameters() throws Exception {
        long first = createOrder();
        long second = createOrder();
        long third = createOrder();
        JsonNode page = read(getJson("/api/orders?size=2&sort=id,desc").andExpect(MockMvcResultMatchers.status().isOk()));
        Assertions.assertThat(page.get("content").size()).isEqualTo(2);
        Assertions.assertThat(page.get("content").get(0).get("id").asLong()).isGreaterThanOrEqualTo(third);
        Assertions.assertThat(page.get("content").get(0).get("id").asLong()).isGreaterThan(page.get("content").get(1).get("id").asLong());
        Assertions.assertThat(page.get("page").get("totalElements").asLong()).isGreaterThanOrEqualTo(3);
        Assertions.assertThat(page.get("page").get("size").asInt()).isEqualTo(2);
        Assertions.assertThat(first).isLessThan(second);
        getJson("/api/orders?sort=noSuchField").andExpect(problem(400));
        getJson("/api/orders?size=0").andExpect(problem(400));
        getJson("/api/orders?page=-1").andExpect(problem(400));
    }

    @Test
    void ordersOfACustomerAreListed() throws Exception {
        long parent = createCustomer();
        Map<String, Object> body = orderBody(nextVariant());
        body.put("customerId", parent);
        long child = create("/api/orders", body);
        JsonNode list = read(getJson("/api/customers/" + parent + "/orders").andExpect(MockMvcResultMatchers.status().isOk()));
        Assertions.assertThat(list.get("content").findValues("id")).extracting(JsonNode::asLong).containsExactly(child);
        getJson("/api/customers/987654321/orders").andExpect(problem(404));
    }
}
