package dev.kiln.codegen.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SmokeClientTests {
    private final RecordingListener listener = new RecordingListener();
    private final HttpClient http = HttpClient.newHttpClient();
    private HttpServer server;
    private SmokeClient client;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 0);
        server.createContext("/boom", exchange -> reply(exchange, 500, "text/plain", "x".repeat(5000)));
        server.createContext("/missing", exchange -> reply(exchange, 404, "text/html", "<h1>gone</h1>"));
        server.createContext("/problem", exchange -> reply(exchange, 404, "application/problem+json", "{}"));
        server.createContext("/thing", exchange -> reply(exchange, 201, "application/json", "{\"id\":7}"));
        server.start();
        client = new SmokeClient(
                http, URI.create("http://127.0.0.1:" + server.getAddress().getPort()), listener);
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        http.close();
    }

    @Test
    void failsOnAServerErrorWithMethodPathStatusAndTrimmedBody() {
        assertThatThrownBy(() -> client.call("POST", "/boom")
                        .body("{\"a\":1}", SmokeClient.JSON)
                        .expect(201))
                .isInstanceOf(StepFailure.class)
                .hasMessage("POST /boom -> 500: a server error")
                .satisfies(failure -> assertThat(((StepFailure) failure).output())
                        .startsWith("POST /boom\n{\"a\":1}\n-> HTTP 500\nContent-Type: text/plain\n")
                        .contains("x".repeat(2048) + "... (2952 more characters)")
                        .doesNotContain("x".repeat(2049)));
        assertThat(listener.lines).containsExactly("POST /boom -> 500");
    }

    @Test
    void failsOnAnUnexpectedStatus() {
        assertThatThrownBy(() -> client.call("GET", "/missing").expect(200))
                .isInstanceOf(StepFailure.class)
                .hasMessage("GET /missing -> 404: expected 200");
    }

    @Test
    void checksProblemDocuments() throws Exception {
        assertThat(client.call("GET", "/problem").expect(404).problem()).isNotNull();
        SmokeClient.Reply html = client.call("GET", "/missing").expect(404);

        assertThatThrownBy(html::problem)
                .isInstanceOf(StepFailure.class)
                .hasMessage("GET /missing -> 404: Content-Type text/html, expected application/problem+json");
    }

    @Test
    void readsTheIdAndCountsRequests() throws Exception {
        SmokeClient.Reply created =
                client.call("POST", "/thing").body("{}", SmokeClient.JSON).expect(201);

        assertThat(created.id()).isEqualTo(7);
        assertThatThrownBy(() -> created.header("ETag"))
                .isInstanceOf(StepFailure.class)
                .hasMessage("POST /thing -> 201: no ETag header");
        assertThat(client.requests()).isEqualTo(1);
    }

    private static void reply(HttpExchange exchange, int status, String type, String body) throws IOException {
        exchange.getRequestBody().readAllBytes();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
