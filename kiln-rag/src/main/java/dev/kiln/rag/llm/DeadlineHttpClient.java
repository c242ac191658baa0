package dev.kiln.rag.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP client LangChain4j's OpenAI model talks through here, on the JDK client: one deadline covers the whole
 * exchange, reply body included (LangChain4j's default client bounds only the wait for headers), and a reply
 * larger than a limit is abandoned unread. This is what kiln-intent does for its model calls, written again here
 * because kiln-rag depends on no other Kiln module.
 */
final class DeadlineHttpClient implements HttpClient {
    /** The largest reply accepted, in bytes; an answer of a few sentences is far smaller. */
    static final int MAX_BODY_BYTES = 1 << 20;

    private static final int MAX_ERROR_CHARS = 300;

    private final java.net.http.HttpClient jdk;
    private final Duration deadline;

    DeadlineHttpClient(Duration deadline) {
        this.jdk = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(deadline)
                .build();
        this.deadline = deadline;
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        CompletableFuture<HttpResponse<byte[]>> exchange =
                jdk.sendAsync(jdkRequest(request), info -> new LimitedBody(MAX_BODY_BYTES));
        HttpResponse<byte[]> response;
        try {
            response = exchange.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            exchange.cancel(true);
            throw new TimeoutException("no complete reply within " + deadline.toSeconds() + " s");
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the model server", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof java.net.http.HttpTimeoutException) {
                throw new TimeoutException(cause);
            }
            if (cause instanceof ReplyTooLarge tooLarge) {
                throw tooLarge;
            }
            throw new IllegalStateException("cannot reach the model server: " + cause, cause);
        }
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            String text = new String(response.body(), StandardCharsets.UTF_8);
            throw new HttpException(
                    status, text.length() <= MAX_ERROR_CHARS ? text : text.substring(0, MAX_ERROR_CHARS) + "...");
        }
        return SuccessfulHttpResponse.builder()
                .statusCode(status)
                .headers(response.headers().map())
                .body(response.body())
                .build();
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        throw new UnsupportedOperationException("answers are read whole; streaming is not supported");
    }

    private java.net.http.HttpRequest jdkRequest(HttpRequest request) {
        java.net.http.HttpRequest.Builder builder =
                java.net.http.HttpRequest.newBuilder(URI.create(request.url())).timeout(deadline);
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

    /** A reply over the size limit. */
    static final class ReplyTooLarge extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        ReplyTooLarge(int limit) {
            super("the model server's reply is larger than " + limit + " bytes; it was abandoned");
        }
    }

    /** Collects a body up to a limit and cancels the exchange past it. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final int limit;
        private Flow.@Nullable Subscription subscription;

        LimitedBody(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription given) {
            subscription = given;
            given.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (body.isDone()) {
                    return;
                }
                if (bytes.size() + buffer.remaining() > limit) {
                    Flow.Subscription current = subscription;
                    if (current != null) {
                        current.cancel();
                    }
                    body.completeExceptionally(new ReplyTooLarge(limit));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable error) {
            body.completeExceptionally(error instanceof IOException ? error : new IOException(error));
        }

        @Override
        public void onComplete() {
            body.complete(bytes.toByteArray());
        }
    }

    /** Builds the client with Kiln's deadline, whatever timeouts LangChain4j sets on the builder. */
    static final class Builder implements HttpClientBuilder {
        private final Duration deadline;

        Builder(Duration deadline) {
            this.deadline = deadline;
        }

        @Override
        public Duration connectTimeout() {
            return deadline;
        }

        @Override
        public Builder connectTimeout(Duration timeout) {
            return this;
        }

        @Override
        public Duration readTimeout() {
            return deadline;
        }

        @Override
        public Builder readTimeout(Duration timeout) {
            return this;
        }

        @Override
        public DeadlineHttpClient build() {
            return new DeadlineHttpClient(deadline);
        }
    }
}
