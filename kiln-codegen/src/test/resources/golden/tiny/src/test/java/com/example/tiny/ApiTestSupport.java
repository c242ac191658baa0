package com.example.tiny;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shared base of the API tests. Every subclass has the same configuration, so Spring's test context
 * cache starts the application once for all of them (on a random port too, for tests over real HTTP). Tests share one database and therefore build
 * values from {@link #nextVariant()} instead of relying on an empty table.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
public abstract class ApiTestSupport {

    public static final MediaType MERGE_PATCH = MediaType.parseMediaType("application/merge-patch+json");

    private static final AtomicInteger VARIANTS = new AtomicInteger(1);

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JsonMapper json;

    /** A number no other call in this JVM returns, for unique values. */
    protected static int nextVariant() {
        return VARIANTS.getAndIncrement();
    }

    /** {@code base + n}, cut from the left to {@code max} and padded to {@code min}. */
    protected static String text(String base, int n, int min, int max) {
        String value = base + n;
        if (value.length() > max) {
            value = value.substring(value.length() - max);
        }
        StringBuilder padded = new StringBuilder(value);
        while (padded.length() < min) {
            padded.append('x');
        }
        return padded.toString();
    }

    /** A whole number in {@code [min, max]} that varies with {@code n}. */
    protected static long integer(int n, long min, long max) {
        long span = max - min + 1;
        return span <= 0 ? min : min + Math.floorMod(n, span);
    }

    /** A decimal in {@code [min, max]} that varies with {@code n}, with the column's scale. */
    protected static BigDecimal decimal(int n, String min, String max, int scale) {
        BigDecimal low = new BigDecimal(min);
        BigDecimal high = new BigDecimal(max);
        BigDecimal span = high.subtract(low);
        BigDecimal step = BigDecimal.valueOf(Math.floorMod(n, 1000)).add(new BigDecimal("0.25"));
        BigDecimal value = span.signum() <= 0 ? low : low.add(step.min(span));
        return value.setScale(scale, RoundingMode.DOWN);
    }

    /** {@code url} is sent as is (already encoded): MockMvc's String variant would encode "%25" again. */
    protected ResultActions getJson(String url) throws Exception {
        return mvc.perform(get(URI.create(url)).accept(MediaType.APPLICATION_JSON));
    }

    protected ResultActions postJson(String url, Object body) throws Exception {
        return mvc.perform(post(url).contentType(MediaType.APPLICATION_JSON).content(write(body)));
    }

    protected ResultActions putJson(String url, Object body, String ifMatch) throws Exception {
        return mvc.perform(ifMatch(put(url).contentType(MediaType.APPLICATION_JSON).content(write(body)), ifMatch));
    }

    protected ResultActions patchJson(String url, Object body, String ifMatch) throws Exception {
        return mvc.perform(ifMatch(patch(url).contentType(MERGE_PATCH).content(write(body)), ifMatch));
    }

    protected ResultActions deleteWith(String url, String ifMatch) throws Exception {
        return mvc.perform(ifMatch(delete(url), ifMatch));
    }

    /** Creates a row and returns its id, failing the test unless the answer is 201. */
    protected long create(String path, Map<String, Object> body) throws Exception {
        return read(postJson(path, body).andExpect(status().isCreated())).get("id").asLong();
    }

    protected JsonNode read(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    protected JsonNode read(ResultActions actions) throws Exception {
        return read(actions.andReturn());
    }

    /** A 4xx/5xx answer rendered as RFC 9457 problem JSON with the given status. */
    protected static ResultMatcher problem(int expectedStatus) {
        return result -> {
            status().is(expectedStatus).match(result);
            content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON).match(result);
        };
    }

    private String write(Object body) {
        return body instanceof String s ? s : json.writeValueAsString(body);
    }

    private static MockHttpServletRequestBuilder ifMatch(MockHttpServletRequestBuilder builder, String ifMatch) {
        return ifMatch == null ? builder : builder.header(HttpHeaders.IF_MATCH, ifMatch);
    }
}
