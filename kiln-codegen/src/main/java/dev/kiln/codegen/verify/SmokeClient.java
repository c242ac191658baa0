package dev.kiln.codegen.verify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the smoke test's requests, checks their statuses and counts them.
 *
 * <p>Every response is reported to the listener as {@code METHOD /path -> status}; a 5xx or an unexpected status
 * fails the step with the method, path, status and the body trimmed to 2 KB.
 */
final class SmokeClient {
    /** The JSON media type of request bodies. */
    static final String JSON = "application/json";

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final int BODY_LIMIT = 2048;

    private final HttpClient http;
    private final URI base;
    private final VerifyListener listener;
    private final Map<String, String> defaultHeaders = new LinkedHashMap<>();
    private int requests;

    SmokeClient(HttpClient http, URI base, VerifyListener listener) {
        this.http = http;
        this.base = base;
        this.listener = listener;
    }

    /** Starts a request to a path such as {@code /api/posts/1}. */
    Call call(String method, String path) {
        return new Call(method, path);
    }

    /** Sends a header with every later request, e.g. the credentials of a service with auth. */
    void authorize(String name, String value) {
        defaultHeaders.put(name, value);
    }

    /** How many requests were answered so far. */
    int requests() {
        return requests;
    }

    /** Renders a body as JSON text. */
    static String json(Object body) {
        return JsonMapper.shared().writeValueAsString(body);
    }

    /** A request being assembled; {@link #expect} sends it. */
    final class Call {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private @Nullable String body;
        private boolean anonymous;

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        /** Sends the request without the credentials set by {@link SmokeClient#authorize}. */
        Call anonymous() {
            anonymous = true;
            return this;
        }

        /** Sets the body, sent with the given content type. */
        Call body(String text, String contentType) {
            body = text;
            headers.put("Content-Type", contentType);
            return this;
        }

        /** Adds a request header. */
        Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /**
         * Sends the request and checks the status.
         *
         * @param status the status the service must answer with
         * @return the response
         * @throws StepFailure on a transport error, a 5xx or another status than expected
         */
        Reply expect(int status) throws StepFailure, InterruptedException {
            Reply reply = send();
            if (reply.response().statusCode() != status) {
                throw reply.failure("expected " + status);
            }
            return reply;
        }

        /**
         * Sends the request, accepting any status below 500.
         *
         * @return the response
         * @throws StepFailure on a transport error or a 5xx
         */
        Reply send() throws StepFailure, InterruptedException {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT);
            if (!anonymous) {
                defaultHeaders.forEach(request::header);
            }
            headers.forEach(request::header);
            String text = body;
            request.method(
                    method,
                    text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text));
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new StepFailure(method + " " + path + " failed: " + e);
            }
            requests++;
            listener.output(method + " " + path + " -> " + response.statusCode());
            Reply reply = new Reply(method, path, text, response);
            if (response.statusCode() >= 500) {
                throw reply.failure("a server error");
            }
            return reply;
        }
    }

    /** A checked response, with the request it answers. */
    record Reply(String method, String path, @Nullable String requestBody, HttpResponse<String> response) {

        /** The response body as JSON. */
        JsonNode json() throws StepFailure {
            try {
                return JsonMapper.shared().readTree(response.body());
            } catch (JacksonException e) {
                throw failure("the body is not JSON");
            }
        }

        /** The numeric {@code id} of the JSON body. */
        long id() throws StepFailure {
            JsonNode id = json().path("id");
            if (!id.isIntegralNumber()) {
                throw failure("the body has no numeric \"id\"");
            }
            return id.longValue();
        }

        /** A header that must be present and not blank. */
        String header(String name) throws StepFailure {
            Optional<String> value = response.headers().firstValue(name).filter(text -> !text.isBlank());
            if (value.isEmpty()) {
                throw failure("no " + name + " header");
            }
            return value.get();
        }

        /** Checks that the body is an RFC 9457 problem document. */
        Reply problem() throws StepFailure {
            String type = response.headers().firstValue("Content-Type").orElse("none");
            if (!type.startsWith("application/problem+json")) {
                throw failure("Content-Type " + type + ", expected application/problem+json");
            }
            return this;
        }

        /** A failure naming this exchange, with the request and the trimmed response as output. */
        StepFailure failure(String problem) {
            String summary = method + " " + path + " -> " + response.statusCode() + ": " + problem;
            StringBuilder output =
                    new StringBuilder(method).append(' ').append(path).append('\n');
            if (requestBody != null) {
                output.append(trimmed(requestBody)).append('\n');
            }
            output.append("-> HTTP ").append(response.statusCode()).append('\n');
            response.headers()
                    .firstValue("Content-Type")
                    .ifPresent(
                            type -> output.append("Content-Type: ").append(type).append('\n'));
            output.append(trimmed(response.body()));
            return new StepFailure(summary, output.toString());
        }

        private static String trimmed(String text) {
            return text.length() <= BODY_LIMIT
                    ? text
                    : text.substring(0, BODY_LIMIT) + "... (" + (text.length() - BODY_LIMIT) + " more characters)";
        }
    }
}
