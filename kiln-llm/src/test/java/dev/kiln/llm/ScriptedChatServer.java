package dev.kiln.llm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An OpenAI-compatible chat server on 127.0.0.1 and a random port that answers {@code POST /v1/chat/completions}
 * with replies scripted per test and records every request. It stands in for a real model: no model is run.
 *
 * <p>Queue one reply per expected request with {@link #then(Reply)}, or answer every request alike with
 * {@link #always(Reply)}; queued replies go first. A request with nothing scripted gets HTTP 500. It lives in
 * kiln-llm's test-jar, for the tests of every module that calls a model.
 */
public final class ScriptedChatServer implements AutoCloseable {
    /** One scripted answer: given the request body, what to send back. */
    @FunctionalInterface
    public interface Reply {
        /**
         * Answers one request.
         *
         * @param request the request body
         * @param exchange the exchange to answer on; the server closes it afterwards
         * @throws IOException if the client hung up
         * @throws InterruptedException if the server closed while the reply waited
         */
        void answer(JsonNode request, HttpExchange exchange) throws IOException, InterruptedException;
    }

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final Reply NOTHING_SCRIPTED = status(500, "{\"error\":{\"message\":\"no scripted reply left\"}}");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Deque<Reply> script = new ArrayDeque<>();
    private final List<JsonNode> requests = new ArrayList<>();
    private final List<Map<String, List<String>>> headers = new ArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private Reply otherwise = NOTHING_SCRIPTED;

    /**
     * Starts the server.
     *
     * @throws IOException if no loopback port can be bound
     */
    public ScriptedChatServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Returns the base URL to configure a client with.
     *
     * @return {@code http://127.0.0.1:<port>/v1}
     */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /**
     * Queues the reply to the next unanswered request.
     *
     * @param reply the reply
     * @return this server
     */
    public synchronized ScriptedChatServer then(Reply reply) {
        script.add(reply);
        return this;
    }

    /**
     * Queues a chat completion whose message is this text.
     *
     * @param content the model's text
     * @return this server
     */
    public ScriptedChatServer thenContent(String content) {
        return then(content(content));
    }

    /**
     * Answers every request with this reply once the queued ones are used up.
     *
     * @param reply the reply
     * @return this server
     */
    public synchronized ScriptedChatServer always(Reply reply) {
        otherwise = reply;
        return this;
    }

    /**
     * Returns the request bodies received so far.
     *
     * @return the bodies, in order
     */
    public synchronized List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    /**
     * Returns the request headers received so far.
     *
     * @return one map per request, in order
     */
    public synchronized List<Map<String, List<String>>> headers() {
        return List.copyOf(headers);
    }

    /**
     * Returns the text of the last message of a recorded request.
     *
     * @param request the index of the request
     * @return the message's content
     */
    public String lastMessage(int request) {
        return lastMessage(requests().get(request));
    }

    /**
     * A chat completion whose message is this text.
     *
     * @param content the model's text
     * @return the reply
     */
    public static Reply content(String content) {
        return (request, exchange) -> send(exchange, 200, completion(content));
    }

    /**
     * A chat completion whose text the function makes of the request's last message (the user's prompt).
     *
     * @param model the stand-in for the model
     * @return the reply
     */
    public static Reply answering(Function<String, String> model) {
        return (request, exchange) -> send(exchange, 200, completion(model.apply(lastMessage(request))));
    }

    /**
     * A reply with this status and body.
     *
     * @param status the HTTP status
     * @param body the body, sent as JSON
     * @return the reply
     */
    public static Reply status(int status, String body) {
        return (request, exchange) -> send(exchange, status, body);
    }

    /**
     * Answers like a server without JSON mode: 400 when the request asks for it, else the completion.
     *
     * @param content the model's text
     * @return the reply
     */
    public static Reply rejectingJsonMode(String content) {
        return (request, exchange) -> {
            if (request.has("response_format")) {
                send(exchange, 400, "{\"error\":{\"message\":\"response_format is not supported\"}}");
            } else {
                send(exchange, 200, completion(content));
            }
        };
    }

    /**
     * Never answers; the handler waits until the server closes.
     *
     * @return the reply
     */
    public Reply hanging() {
        return (request, exchange) -> closing.await();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())
                    || !exchange.getRequestURI().getPath().equals("/v1/chat/completions")) {
                send(exchange, 404, "{\"error\":{\"message\":\"not found\"}}");
                return;
            }
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            Reply reply;
            synchronized (this) {
                requests.add(request);
                headers.add(Map.copyOf(exchange.getRequestHeaders()));
                reply = script.isEmpty() ? otherwise : script.poll();
            }
            reply.answer(request, exchange);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client hung up first, as it does on purpose for replies that are too large or too slow.
        }
    }

    private static String lastMessage(JsonNode request) {
        JsonNode messages = request.get("messages");
        return messages.get(messages.size() - 1).get("content").asString();
    }

    private static String completion(String content) {
        ObjectNode body = JSON.createObjectNode()
                .put("id", "chatcmpl-test")
                .put("object", "chat.completion")
                .put("created", 1_700_000_000L)
                .put("model", "test-model");
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        body.putObject("usage")
                .put("prompt_tokens", 10)
                .put("completion_tokens", 10)
                .put("total_tokens", 20);
        return JSON.writeValueAsString(body);
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
