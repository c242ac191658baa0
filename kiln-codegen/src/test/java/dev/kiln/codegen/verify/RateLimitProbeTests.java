package dev.kiln.codegen.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.kiln.codegen.TestSpecs;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RateLimitProbeTests {
    private static final String LIMITED = """
            kiln: 1
            name: shop
            package: com.example.shop
            entities:
              - name: Product
                fields:
                  - { name: title, type: string }
            features:
              rateLimit:
                requests: 5
                groups:
                  - { name: writes, methods: [POST], paths: ["/api/**"], requests: 2 }
            """;

    private static final List<SmokeTarget> TARGETS = SmokeTargets.of(TestSpecs.yaml(LIMITED));

    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger attempts = new AtomicInteger();
    private @Nullable HttpServer server;

    @AfterEach
    void stop() {
        HttpServer started = server;
        if (started != null) {
            started.stop(0);
        }
        http.close();
    }

    @Test
    void raisesEveryLimitAndSetsASmallKnownBruteForceLimit() {
        Map<String, String> environment =
                RateLimitProbe.of(TestSpecs.yaml(LIMITED)).environment();

        assertThat(environment)
                .containsEntry("RATE_LIMIT_REQUESTS", "1000000")
                .containsEntry("RATE_LIMIT_WRITES_REQUESTS", "1000000")
                .containsEntry("RATE_LIMIT_BRUTE_FORCE_REQUESTS", "30")
                .containsEntry("RATE_LIMIT_BRUTE_FORCE_WINDOW", "1m");
        assertThat(RateLimitProbe.of(TestSpecs.yaml(LIMITED.substring(0, LIMITED.indexOf("features:"))))
                        .environment())
                .isEmpty();
    }

    @Test
    void passesWhenSignInAttemptsGet429OnceTheLimitIsSpent() throws Exception {
        SmokeClient client = serve(29, true, true);

        String note = RateLimitProbe.of(TestSpecs.yaml(LIMITED)).check(client, TARGETS);

        assertThat(note).isEqualTo("; POST /login limited after 30 attempts");
        assertThat(attempts).as("30 allowed, then one rejected").hasValue(31);
    }

    @Test
    void failsWhenTheLimitIsNeverEnforced() throws Exception {
        SmokeClient client = serve(3, false, true);

        assertThatThrownBy(() -> RateLimitProbe.of(TestSpecs.yaml(LIMITED)).check(client, TARGETS))
                .isInstanceOf(StepFailure.class)
                .hasMessageContaining("POST /login -> 404: expected 429");
    }

    @Test
    void failsWhenApiAnswersHaveNoRateLimitHeaders() throws Exception {
        SmokeClient client = serve(3, true, false);

        assertThatThrownBy(() -> RateLimitProbe.of(TestSpecs.yaml(LIMITED)).check(client, TARGETS))
                .isInstanceOf(StepFailure.class)
                .hasMessageContaining("no RateLimit-Limit header");
    }

    /**
     * A fake service whose first sign-in answer says {@code remaining} attempts are left; after those it
     * answers 429 if it enforces the limit at all.
     */
    private SmokeClient serve(int remaining, boolean enforces, boolean apiHeaders) throws IOException {
        HttpServer server =
                HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 0);
        this.server = server;
        server.createContext("/api/products", exchange -> {
            if (apiHeaders) {
                exchange.getResponseHeaders().add("RateLimit-Limit", "1000000");
            }
            reply(exchange, 200, "application/json", "{\"content\":[]}");
        });
        server.createContext("/login", exchange -> {
            int attempt = attempts.incrementAndGet();
            int left = remaining + 1 - attempt;
            exchange.getResponseHeaders().add("RateLimit-Remaining", Integer.toString(Math.max(0, left)));
            if (enforces && left < 0) {
                exchange.getResponseHeaders().add("Retry-After", "60");
                reply(exchange, 429, "application/problem+json", "{\"status\":429}");
            } else {
                reply(exchange, 404, "application/problem+json", "{\"status\":404}");
            }
        });
        server.start();
        return new SmokeClient(
                http, URI.create("http://127.0.0.1:" + server.getAddress().getPort()), new RecordingListener());
    }

    private static void reply(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
