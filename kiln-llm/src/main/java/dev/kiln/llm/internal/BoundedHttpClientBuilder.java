package dev.kiln.llm.internal;

import dev.langchain4j.http.client.HttpClientBuilder;
import java.time.Duration;

/**
 * Builds a {@link BoundedHttpClient} with the deadline Kiln configured, whatever timeouts LangChain4j passes.
 *
 * <p>LangChain4j sets its own connect and read timeouts on any builder it is given; Kiln's single deadline for
 * the whole exchange wins over both.
 */
public final class BoundedHttpClientBuilder implements HttpClientBuilder {
    private final Duration deadline;
    private final int maxBodyBytes;

    /**
     * Creates a builder.
     *
     * @param deadline the deadline of one exchange, reply included
     * @param maxBodyBytes the largest reply body accepted
     */
    public BoundedHttpClientBuilder(Duration deadline, int maxBodyBytes) {
        this.deadline = deadline;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public Duration connectTimeout() {
        return deadline;
    }

    @Override
    public BoundedHttpClientBuilder connectTimeout(Duration timeout) {
        return this;
    }

    @Override
    public Duration readTimeout() {
        return deadline;
    }

    @Override
    public BoundedHttpClientBuilder readTimeout(Duration timeout) {
        return this;
    }

    @Override
    public BoundedHttpClient build() {
        return new BoundedHttpClient(deadline, maxBodyBytes);
    }
}
