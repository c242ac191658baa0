package dev.kiln.llm.internal;

import dev.kiln.llm.ReplyTooLargeException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A LangChain4j {@link HttpClient} on the JDK client that bounds what a model server can do to Kiln: one
 * deadline covers the whole exchange, body included, and a reply larger than a limit is cut off unread.
 *
 * <p>LangChain4j's own {@code JdkHttpClient} reads any body whole and times out only the wait for headers, so a
 * server that streams without end would exhaust memory or hang. Streaming is not supported; Kiln does not use it.
 */
public final class BoundedHttpClient implements HttpClient {
    private static final int MAX_ERROR_CHARS = 300;

    private final java.net.http.HttpClient delegate;
    private final Duration timeout;
    private final int maxBodyBytes;

    /**
     * Creates a client.
     *
     * @param timeout the deadline of one exchange, from sending to the last byte of the reply
     * @param maxBodyBytes the largest reply body accepted
     */
    public BoundedHttpClient(Duration timeout, int maxBodyBytes) {
        this.delegate = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
        this.timeout = timeout;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        CompletableFuture<HttpResponse<byte[]>> exchange =
                delegate.sendAsync(toJdkRequest(request), info -> new BoundedBodySubscriber(maxBodyBytes));
        HttpResponse<byte[]> response = await(exchange);
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            throw new HttpException(status, errorText(response.body()));
        }
        return SuccessfulHttpResponse.builder()
                .statusCode(status)
                .headers(response.headers().map())
                .body(response.body())
                .build();
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        throw new UnsupportedOperationException("Kiln asks for whole replies; streaming is not supported");
    }

    private HttpResponse<byte[]> await(CompletableFuture<HttpResponse<byte[]>> exchange) {
        try {
            return exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            exchange.cancel(true);
            throw new TimeoutException("no complete reply within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the model server", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof ReplyTooLargeException tooLarge) {
                throw tooLarge;
            }
            if (cause instanceof HttpTimeoutException) {
                throw new TimeoutException(cause);
            }
            throw new IllegalStateException("cannot reach the model server: " + cause, cause);
        }
    }

    private java.net.http.HttpRequest toJdkRequest(HttpRequest request) {
        java.net.http.HttpRequest.Builder builder =
                java.net.http.HttpRequest.newBuilder(URI.create(request.url())).timeout(timeout);
        request.headers().forEach((name, values) -> {
            if (values != null) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        String body = request.body();
        builder.method(
                request.method().name(),
                body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return builder.build();
    }

    private static String errorText(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() <= MAX_ERROR_CHARS ? text : text.substring(0, MAX_ERROR_CHARS) + "...";
    }
}
