package com.example.tiny.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The filter on its own, with a hand-moved clock: which rule applies, who is counted, what is answered. */
class RateLimitFilterTest {
    private final ManualTimeMeter clock = new ManualTimeMeter();
    private final RecordingStore store = new RecordingStore(new LocalBucketStore(1000, Duration.ofHours(1), clock));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private final RateLimitRule writes = new RateLimitRule("writes", List.of("POST", "DELETE"), List.of("/api/**"), 2,
            Duration.ofMinutes(1), RateLimitProperties.Key.IP);
    private final RateLimitRule all = new RateLimitRule("default", List.of(), List.of(), 3, Duration.ofMinutes(1),
            RateLimitProperties.Key.API_KEY);
    private final RateLimitFilter filter = new RateLimitFilter("api", List.of(writes, all), store, meters);

    @Test
    void answers429WithRetryAfterAndProblemJsonOnceTheBucketIsEmpty() throws Exception {
        for (int i = 0; i < 2; i++) {
            MockHttpServletResponse ok = call("POST", "/api/things", "203.0.113.1");
            assertThat(ok.getStatus()).isEqualTo(200);
            assertThat(ok.getHeader("RateLimit-Limit")).isEqualTo("2");
            assertThat(ok.getHeader("RateLimit-Remaining")).isEqualTo(Integer.toString(1 - i));
            assertThat(ok.getHeader("RateLimit-Policy")).isEqualTo("2;w=60");
        }

        MockHttpServletResponse rejected = call("POST", "/api/things", "203.0.113.1");

        assertThat(rejected.getStatus()).isEqualTo(429);
        assertThat(rejected.getContentType()).startsWith("application/problem+json");
        assertThat(rejected.getContentAsString()).contains("\"status\":429").contains("'writes'")
                .contains("2 requests per minute");
        assertThat(Long.parseLong(rejected.getHeader("Retry-After"))).isBetween(1L, 60L);
        assertThat(rejected.getHeader("RateLimit-Remaining")).isEqualTo("0");
        assertThat(Long.parseLong(rejected.getHeader("RateLimit-Reset"))).isBetween(1L, 60L);
        assertThat(meters.counter("kiln.rate_limit.rejected", "limit", "writes").count()).isEqualTo(1.0);
    }

    @Test
    void theBucketRefillsWhenTheWindowHasPassed() throws Exception {
        call("POST", "/api/things", "203.0.113.2");
        call("POST", "/api/things", "203.0.113.2");
        assertThat(call("POST", "/api/things", "203.0.113.2").getStatus()).isEqualTo(429);

        clock.advance(Duration.ofSeconds(59));
        assertThat(call("POST", "/api/things", "203.0.113.2").getStatus()).isEqualTo(429);
        clock.advance(Duration.ofSeconds(1));
        MockHttpServletResponse again = call("POST", "/api/things", "203.0.113.2");

        assertThat(again.getStatus()).isEqualTo(200);
        assertThat(again.getHeader("RateLimit-Remaining")).isEqualTo("1");
    }

    @Test
    void theFirstMatchingRuleDecidesAndMethodsMatter() throws Exception {
        call("POST", "/api/things", "203.0.113.3");
        call("DELETE", "/api/things/1", "203.0.113.3");

        MockHttpServletResponse read = call("GET", "/api/things", "203.0.113.3");

        assertThat(read.getStatus()).isEqualTo(200);
        assertThat(read.getHeader("RateLimit-Limit")).isEqualTo("3");
        assertThat(call("PUT", "/api/things/1", "203.0.113.3").getHeader("RateLimit-Limit")).isEqualTo("3");
        assertThat(call("POST", "/other", "203.0.113.3").getHeader("RateLimit-Limit")).isEqualTo("3");
    }

    @Test
    void apiKeysAreCountedApartAndStoredOnlyAsHashes() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(call("GET", "/api/things", "203.0.113.4", "secret-key-A").getStatus()).isEqualTo(200);
        }
        assertThat(call("GET", "/api/things", "203.0.113.4", "secret-key-A").getStatus()).isEqualTo(429);
        assertThat(call("GET", "/api/things", "203.0.113.4", "secret-key-B").getStatus()).isEqualTo(200);
        assertThat(call("GET", "/api/things", "203.0.113.4").getStatus()).as("no key: counted by address")
                .isEqualTo(200);

        assertThat(store.keys).noneMatch(key -> key.contains("secret-key"));
        assertThat(store.keys).anyMatch(key -> key.startsWith("default|3/60000ms|key:"))
                .anyMatch(key -> key.equals("default|3/60000ms|ip:203.0.113.4"));
    }

    @Test
    void principalsAreCountedByNameAndAnonymousCallersByAddress() {
        MockHttpServletRequest alice = request("GET", "/x", "198.51.100.7");
        alice.setUserPrincipal(() -> "alice");
        MockHttpServletRequest anonymous = request("GET", "/x", "198.51.100.7");

        assertThat(ClientKeys.caller(RateLimitProperties.Key.USER, alice)).isEqualTo("user:alice");
        assertThat(ClientKeys.caller(RateLimitProperties.Key.CLIENT, alice)).isEqualTo("user:alice");
        assertThat(ClientKeys.caller(RateLimitProperties.Key.USER, anonymous)).isEqualTo("ip:198.51.100.7");
        assertThat(ClientKeys.caller(RateLimitProperties.Key.IP, alice)).isEqualTo("ip:198.51.100.7");
    }

    @Test
    void actuatorIsNeverLimited() throws Exception {
        for (int i = 0; i < 10; i++) {
            MockHttpServletResponse probe = call("GET", "/actuator/health", "203.0.113.5");
            assertThat(probe.getStatus()).isEqualTo(200);
            assertThat(probe.getHeader("RateLimit-Limit")).isNull();
        }
    }

    @Test
    void aRequestIsCountedByOneFilterOnly() throws Exception {
        RateLimitFilter bruteForce = new RateLimitFilter("brute-force", List.of(new RateLimitRule("brute-force",
                List.of("POST"), List.of("/login"), 1, Duration.ofMinutes(1), RateLimitProperties.Key.IP)), store,
                meters);
        MockHttpServletRequest request = request("POST", "/login", "203.0.113.6");
        MockHttpServletResponse response = new MockHttpServletResponse();

        bruteForce.doFilter(request, response, (req, res) -> filter.doFilter(req, res, new MockFilterChain()));

        assertThat(response.getHeader("RateLimit-Limit")).isEqualTo("1");
        assertThat(store.keys).containsExactly("brute-force|1/60000ms|ip:203.0.113.6");
    }

    @Test
    void normalisedServletPathIsWhatMatches() throws Exception {
        RateLimitFilter bruteForce = new RateLimitFilter("brute-force", List.of(new RateLimitRule("brute-force",
                List.of("POST"), List.of("/login"), 1, Duration.ofMinutes(1), RateLimitProperties.Key.IP)), store,
                meters);
        MockHttpServletRequest request = request("POST", "/api/../login", "203.0.113.7");
        request.setServletPath("/login");
        MockHttpServletResponse response = new MockHttpServletResponse();

        bruteForce.doFilter(request, response, new MockFilterChain());

        assertThat(response.getHeader("RateLimit-Limit")).isEqualTo("1");
    }

    @Test
    void pathsWithPercentSignsAreMatchedAsTheyAre() throws Exception {
        MockHttpServletResponse raw = call("POST", "/api/things/%zz", "203.0.113.9");
        MockHttpServletRequest decoded = request("POST", "/api/things/a%25b", "203.0.113.9");
        decoded.setServletPath("/api/things/a%b");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(decoded, response, new MockFilterChain());

        assertThat(raw.getHeader("RateLimit-Limit")).isEqualTo("2");
        assertThat(response.getHeader("RateLimit-Remaining")).isEqualTo("0");
    }

    @Test
    void aFailingStoreLetsRequestsThrough() throws Exception {
        BucketStore broken = (key, configuration) -> {
            throw new IllegalStateException("database is down");
        };
        RateLimitFilter failing = new RateLimitFilter("api", List.of(all), broken, meters);
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = new MockHttpServletResponse();

        failing.doFilter(request("GET", "/api/things", "203.0.113.8"), response, chain);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(chain.getRequest()).as("the request reached the application").isNotNull();
    }

    private MockHttpServletResponse call(String method, String path, String address) throws Exception {
        return call(method, path, address, null);
    }

    private MockHttpServletResponse call(String method, String path, String address, String apiKey) throws Exception {
        MockHttpServletRequest request = request(method, path, address);
        if (apiKey != null) {
            request.addHeader(ClientKeys.API_KEY_HEADER, apiKey);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    private static MockHttpServletRequest request(String method, String path, String address) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRemoteAddr(address);
        return request;
    }

    /** Remembers the bucket keys it was asked for. */
    private static final class RecordingStore implements BucketStore {
        final List<String> keys = new ArrayList<>();
        private final BucketStore delegate;

        RecordingStore(BucketStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
            if (!keys.contains(key)) {
                keys.add(key);
            }
            return delegate.tryConsume(key, configuration);
        }
    }
}
