package com.example.tiny.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import com.example.tiny.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The rate limiter in the running application, with small limits and a hand-moved clock. Each test uses
 * its own callers (addresses, API keys), so the tests do not share buckets.
 */
@SpringBootTest(properties = {
        "kiln.rate-limit.enabled=true",
        "kiln.rate-limit.store=memory",
        "kiln.rate-limit.default.requests=3",
        "kiln.rate-limit.default.window=1m",
        "kiln.rate-limit.default.key=api-key",
        "kiln.rate-limit.groups[0].name=test-writes",
        "kiln.rate-limit.groups[0].methods=POST",
        "kiln.rate-limit.groups[0].paths=/api/**",
        "kiln.rate-limit.groups[0].requests=2",
        "kiln.rate-limit.groups[0].window=1h",
        "kiln.rate-limit.groups[0].key=ip",
        "kiln.rate-limit.brute-force.requests=2",
        "kiln.rate-limit.brute-force.window=1m" })
class RateLimitApiTest extends TestData {
    private static final String COLLECTION = "/api/customers";

    @Autowired
    ManualTimeMeter clock;

    @Test
    void defaultLimitAnswers429AfterTheConfiguredRequests() throws Exception {
        for (int remaining = 2; remaining >= 0; remaining--) {
            mvc.perform(list("key-default"))
                    .andExpect(status().isOk())
                    .andExpect(header().string("RateLimit-Limit", "3"))
                    .andExpect(header().string("RateLimit-Remaining", Integer.toString(remaining)))
                    .andExpect(header().string("RateLimit-Policy", "3;w=60"))
                    .andExpect(header().exists("RateLimit-Reset"));
        }

        MvcResult rejected = mvc.perform(list("key-default")).andExpect(problem(429)).andReturn();

        assertThat(read(rejected).get("title").asString()).isEqualTo("Too Many Requests");
        assertThat(Long.parseLong(rejected.getResponse().getHeader("Retry-After"))).isBetween(1L, 60L);
        assertThat(rejected.getResponse().getHeader("RateLimit-Remaining")).isEqualTo("0");
        mvc.perform(list("another-key")).andExpect(status().isOk());
    }

    @Test
    void callersGetTheirRequestsBackWhenTheWindowHasPassed() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(list("key-recovery")).andExpect(status().isOk());
        }
        mvc.perform(list("key-recovery")).andExpect(status().isTooManyRequests());

        clock.advance(Duration.ofMinutes(1));

        mvc.perform(list("key-recovery"))
                .andExpect(status().isOk())
                .andExpect(header().string("RateLimit-Remaining", "2"));
    }

    @Test
    void endpointGroupHasItsOwnLimit() throws Exception {
        for (int i = 0; i < 2; i++) {
            mvc.perform(from("10.9.0.1", post(COLLECTION).contentType(MediaType.APPLICATION_JSON).content("{")))
                    .andExpect(problem(400))
                    .andExpect(header().string("RateLimit-Limit", "2"));
        }
        mvc.perform(from("10.9.0.1", post(COLLECTION).contentType(MediaType.APPLICATION_JSON).content("{")))
                .andExpect(problem(429))
                .andExpect(header().string("RateLimit-Policy", "2;w=3600"));
        mvc.perform(from("10.9.0.1", get(COLLECTION))).andExpect(status().isOk());
    }

    @Test
    void signInEndpointsHaveABruteForceLimitPerAddress() throws Exception {
        for (int i = 0; i < 2; i++) {
            mvc.perform(from("10.9.0.2", post("/login"))).andExpect(header().string("RateLimit-Limit", "2"));
        }
        mvc.perform(from("10.9.0.2", post("/login"))).andExpect(problem(429));
        mvc.perform(from("10.9.0.2", post("/oauth2/token"))).andExpect(problem(429));
        mvc.perform(from("10.9.0.3", post("/login"))).andExpect(header().string("RateLimit-Remaining", "1"));
    }

    @Test
    void healthProbesAreNeverLimited() throws Exception {
        for (int i = 0; i < 10; i++) {
            mvc.perform(from("10.9.0.4", get("/actuator/health/liveness")))
                    .andExpect(status().isOk())
                    .andExpect(header().doesNotExist("RateLimit-Limit"));
        }
    }

    @Test
    void filtersSitBeforeAndAfterTheSpringSecurityFilterChain(
            @Autowired @Qualifier("bruteForceRateLimitFilter") FilterRegistrationBean<?> bruteForce,
            @Autowired @Qualifier("rateLimitFilter") FilterRegistrationBean<?> api) {
        int springSecurity = -100;

        assertThat(bruteForce.getOrder()).isLessThan(springSecurity);
        assertThat(api.getOrder()).isGreaterThan(springSecurity);
    }

    private static MockHttpServletRequestBuilder list(String apiKey) {
        return get(COLLECTION).header(ClientKeys.API_KEY_HEADER, apiKey).accept(MediaType.APPLICATION_JSON);
    }

    private static MockHttpServletRequestBuilder from(String address, MockHttpServletRequestBuilder request) {
        return request.with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
    }

    @TestConfiguration
    static class Clock {
        @Bean
        @Primary
        ManualTimeMeter manualRateLimitClock() {
            return new ManualTimeMeter();
        }
    }
}
