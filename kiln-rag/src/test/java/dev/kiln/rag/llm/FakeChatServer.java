package dev.kiln.rag.llm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An OpenAI-compatible chat-completions server on 127.0.0.1 and a free port, standing in for a model: each test
 * gives the function that turns the request's prompt into a reply. No model runs.
 */
final class FakeChatServer implements AutoCloseable {
    /** What to send back: a status and a body. */
    record Reply(int status, String body) {}

    private static final JsonMapper JSON = JsonMapper.shared();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final CountDownLatch closing = new CountDownLatch(1);
    private final List<JsonNode> requests = new ArrayList<>();
    private volatile Function<String, Reply> replies = prompt -> completion("NOT IN DOCUMENTS");
    private volatile boolean hang;

    FakeChatServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Answers every request with the model text this function makes of the user prompt. */
    FakeChatServer answering(Function<String, String> content) {
        replies = prompt -> completion(content.apply(prompt));
        return this;
    }

    /** Answers every request with this status and body. */
    FakeChatServer replying(int status, String body) {
        replies = prompt -> new Reply(status, body);
        return this;
    }

    /** Never answers until closed. */
    FakeChatServer hanging() {
        hang = true;
        return this;
    }

    synchronized List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    /** The number of the excerpt in a prompt whose text contains a phrase. */
    static int excerptWith(String prompt, String phrase) {
        Matcher excerpt = Pattern.compile("(?s)\\[(\\d+)] (.*?)(?=\\n\\n\\[\\d+] |\\n\\nQuestion: )")
                .matcher(prompt);
        while (excerpt.find()) {
            if (excerpt.group(2).contains(phrase)) {
                return Integer.parseInt(excerpt.group(1));
            }
        }
        throw new AssertionError("no excerpt contains '" + phrase + "' in:\n" + prompt);
    }

    static Reply completion(String content) {
        ObjectNode body = JSON.createObjectNode()
                .put("id", "chatcmpl-1")
                .put("object", "chat.completion")
                .put("created", 1_700_000_000L)
                .put("model", "fake");
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        body.putObject("usage")
                .put("prompt_tokens", 1)
                .put("completion_tokens", 1)
                .put("total_tokens", 2);
        return new Reply(200, JSON.writeValueAsString(body));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals("/v1/chat/completions")) {
                send(exchange, new Reply(404, "{\"error\":{\"message\":\"not found\"}}"));
                return;
            }
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            synchronized (this) {
                requests.add(request);
            }
            if (hang) {
                closing.await();
                return;
            }
            JsonNode messages = request.get("messages");
            send(
                    exchange,
                    replies.apply(
                            messages.get(messages.size() - 1).get("content").asString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client gave up first (time-outs); nothing to answer.
        }
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
