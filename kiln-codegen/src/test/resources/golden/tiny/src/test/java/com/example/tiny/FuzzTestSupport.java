package com.example.tiny;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Fires malformed requests at every endpoint. Each answer must be a 4xx rendered as
 * application/problem+json that leaks no SQL, exception names or stack frames. The generated
 * subclass describes the resources; this class holds the attacks.
 */
public abstract class FuzzTestSupport extends TestData {

    /** Invalid JSON values for a text field (a number, a boolean, a structure). */
    protected static final List<String> TEXTUAL = List.of("123", "true", "12.5", "{}", "[]", "[\"a\"]");
    /** Invalid JSON values for a whole-number field. */
    protected static final List<String> INTEGRAL = List.of("\"abc\"", "\"5\"", "1.5", "true", "{}", "[]",
            "99999999999999999999999", "1e400");
    /** Invalid JSON values for a decimal field. */
    protected static final List<String> DECIMAL = List.of("\"abc\"", "\"9.99\"", "true", "{}", "[]", "1e400",
            "123456789012345678901234567890");
    /** Invalid JSON values for an enum field. */
    protected static final List<String> ENUMERATED = List.of("\"NOPE\"", "\"nope\"", "1", "true", "{}", "[]");
    /** Invalid JSON values for a date or date-time field. */
    protected static final List<String> TEMPORAL = List.of("\"yesterday\"", "\"2024-13-45T00:00:00Z\"", "true", "{}",
            "[]");
    /** Invalid JSON values for a boolean field. */
    protected static final List<String> BOOLEAN = List.of("\"yes\"", "{}", "[]", "\"true\"");
    /** Invalid JSON values for a UUID field. */
    protected static final List<String> IDENTIFIER = List.of("\"not-a-uuid\"", "12", "true", "{}", "[]");
    /** Invalid JSON values for a to-one relation id. */
    protected static final List<String> REFERENCE = List.of("\"abc\"", "987654321", "1.5", "true", "{}", "[]",
            "99999999999999999999");
    /** Invalid JSON values for a to-many relation id list. */
    protected static final List<String> REFERENCES = List.of("\"x\"", "{}", "[null]", "[\"a\"]", "[1.5]", "true",
            "[987654321]");

    private static final List<String> MALFORMED_BODIES = List.of("{", "[", "\"str\"", "123", "null", "{\"a\":}",
            "{} x", "[]", "{'a':'single quotes'}", "{\"a\":\"t\",}", "[".repeat(5000) + "]".repeat(5000),
            "{\"a\":" + "[".repeat(3000) + "]".repeat(3000) + "}", "\u0000", "");

    private static final List<String> BAD_IDS = List.of("abc", "99999999999999999999", "1.5", "-1", "0", "null",
            "1e3", " ", "%", "9".repeat(5000));

    private static final List<String> BAD_PAGING = List.of("page=-1", "page=abc", "page=1.5", "page=99999999999",
            "size=0", "size=-1", "size=abc", "size=99999999999", "sort=nope", "sort=password", "sort=desc",
            "sort=id,sideways", "sort=id;drop table x", "sort=a.b", "sort=" + "s".repeat(5000));

    /** One resource to attack. */
    protected static final class Target {
        final String path;
        final Supplier<Map<String, Object>> validBody;
        final Map<String, List<String>> fields = new LinkedHashMap<>();
        final Map<String, List<String>> filters = new LinkedHashMap<>();
        final List<String> subResources = new ArrayList<>();

        protected Target(String path, Supplier<Map<String, Object>> validBody) {
            this.path = path;
            this.validBody = validBody;
        }

        /** A body field and JSON values it must reject. */
        protected Target field(String name, List<String> invalid, String... extra) {
            List<String> all = new ArrayList<>(invalid);
            all.addAll(List.of(extra));
            fields.put(name, all);
            return this;
        }

        /** A query filter and values it must reject. */
        protected Target filter(String name, String... invalid) {
            filters.put(name, List.of(invalid));
            return this;
        }

        /** A sub-resource path template with one {@code {id}}. */
        protected Target subResource(String template) {
            subResources.add(template);
            return this;
        }
    }

    /** The resources of this service. */
    protected abstract List<Target> targets();

    /** A JSON string one character longer than {@code max}. */
    protected static String tooLong(int max) {
        return "\"" + "x".repeat(max + 1) + "\"";
    }

    private SoftAssertions softly;
    private int requests;

    @Test
    void everyMalformedRequestIsA4xxProblem() throws Exception {
        softly = new SoftAssertions();
        for (Target target : targets()) {
            attack(target);
        }
        expectProblem(get("/api/does-not-exist"));
        softly.assertThat(requests).as("requests fired").isGreaterThan(50);
        softly.assertAll();
    }

    private void attack(Target target) throws Exception {
        String collection = target.path;
        long id = read(postJson(collection, target.validBody.get()).andExpect(status().isCreated())).get("id").asLong();
        String item = collection + "/" + id;
        for (String body : MALFORMED_BODIES) {
            expectProblem(post(collection).contentType(MediaType.APPLICATION_JSON).content(body));
            expectProblem(put(item).contentType(MediaType.APPLICATION_JSON).content(body));
            expectProblem(patch(item).contentType(MERGE_PATCH).content(body));
        }
        expectProblem(post(collection).contentType(MediaType.APPLICATION_JSON)
                .content(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}));
        for (Map.Entry<String, List<String>> field : target.fields.entrySet()) {
            for (String value : field.getValue()) {
                String body = withField(target.validBody.get(), field.getKey(), value);
                expectProblem(post(collection).contentType(MediaType.APPLICATION_JSON).content(body));
                expectProblem(put(item).contentType(MediaType.APPLICATION_JSON).content(body));
                expectProblem(patch(item).contentType(MERGE_PATCH).content("{\"" + field.getKey() + "\":" + value + "}"));
            }
        }
        String valid = json.writeValueAsString(target.validBody.get());
        for (MediaType type : List.of(MediaType.TEXT_PLAIN, MediaType.APPLICATION_XML,
                MediaType.APPLICATION_FORM_URLENCODED, MediaType.parseMediaType("application/json-patch+json"))) {
            expectProblem(post(collection).contentType(type).content(valid));
            expectProblem(put(item).contentType(type).content(valid));
            expectProblem(patch(item).contentType(type).content(valid));
        }
        expectProblem(post(collection).content(valid));
        expectProblem(patch(item).contentType(MediaType.APPLICATION_JSON).content("{}"));
        expectProblem(get(collection).accept(MediaType.APPLICATION_XML));
        expectProblem(put(collection).contentType(MediaType.APPLICATION_JSON).content(valid));
        expectProblem(delete(collection));
        for (String query : BAD_PAGING) {
            expectProblem(get(collection + "?" + query));
        }
        for (Map.Entry<String, List<String>> filter : target.filters.entrySet()) {
            for (String value : filter.getValue()) {
                expectProblem(get(collection).queryParam(filter.getKey(), value));
            }
        }
        for (String badId : BAD_IDS) {
            expectProblem(get(collection + "/{id}", badId));
            expectProblem(put(collection + "/{id}", badId).contentType(MediaType.APPLICATION_JSON).content(valid));
            expectProblem(patch(collection + "/{id}", badId).contentType(MERGE_PATCH).content("{}"));
            expectProblem(delete(collection + "/{id}", badId));
        }
        for (String template : target.subResources) {
            expectProblem(get(template, "abc"));
            expectProblem(get(template, "987654321"));
            expectProblem(get(template + "?sort=nope", id));
        }
        for (String ifMatch : List.of("\"999\"", "garbage", "W/\"x\"", "\"\"", "\"-1\"")) {
            expectProblem(delete(item).header(HttpHeaders.IF_MATCH, ifMatch));
        }
    }

    private void expectProblem(MockHttpServletRequestBuilder request) throws Exception {
        requests++;
        var result = mvc.perform(request).andReturn();
        MockHttpServletResponse response = result.getResponse();
        byte[] sent = result.getRequest().getContentAsByteArray();
        String description = result.getRequest().getMethod() + " " + abbreviate(result.getRequest().getRequestURI()
                + (result.getRequest().getQueryString() != null ? "?" + result.getRequest().getQueryString() : ""))
                + " [" + abbreviate(new String(sent == null ? new byte[0] : sent, StandardCharsets.UTF_8)) + "]";
        String body = response.getContentAsString();
        softly.assertThat(response.getStatus()).as(description + " -> " + abbreviate(body)).isBetween(400, 499);
        softly.assertThat(response.getContentType()).as(description + " content type")
                .isNotNull()
                .startsWith("application/problem+json");
        softly.assertThat(body).as(description + " body").doesNotContainIgnoringCase("SQL")
                .doesNotContain("Exception").doesNotContain("at com.").doesNotContain("org.hibernate")
                .doesNotContain("java.").doesNotContain("tools.jackson").hasSizeLessThan(8000);
        if (body.startsWith("{")) {
            JsonNode problem = json.readTree(body);
            softly.assertThat(problem.path("status").asInt(-1)).as(description + " status field")
                    .isEqualTo(response.getStatus());
        }
    }

    private String withField(Map<String, Object> valid, String field, String rawJsonValue) {
        valid.put(field, "__PLACEHOLDER__");
        return json.writeValueAsString(valid).replace("\"__PLACEHOLDER__\"", rawJsonValue);
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "...(" + s.length() + ")" : s;
    }
}
