package dev.kiln.llm;

import dev.kiln.llm.internal.BoundedHttpClientBuilder;
import dev.langchain4j.model.openai.OpenAiChatModel;

/**
 * Starts LangChain4j's OpenAI chat model the way Kiln calls models: temperature 0, no retries, and an HTTP client
 * with one deadline for the whole call and a bounded reply.
 *
 * <p>LangChain4j's default JDK client reads any body whole and times out only the wait for headers, so a server
 * that streams without end would exhaust memory or hang; the client here cancels the call at
 * {@link LlmSettings#timeout()} and throws {@link ReplyTooLargeException} past the reply limit. Streaming is not
 * supported. Use {@link ModelFailures} to word what the built model throws.
 */
public final class OpenAiChatModels {
    private OpenAiChatModels() {}

    /**
     * Returns a builder preset from the settings, for the caller to add what its feature needs (a seed) and build.
     *
     * @param settings the endpoint, model, key and deadline
     * @param maxReplyBytes the largest reply body accepted, in bytes
     * @return the builder
     * @throws IllegalArgumentException if {@code maxReplyBytes} is not positive
     */
    public static OpenAiChatModel.OpenAiChatModelBuilder builder(LlmSettings settings, int maxReplyBytes) {
        if (maxReplyBytes <= 0) {
            throw new IllegalArgumentException("maxReplyBytes must be positive, got " + maxReplyBytes);
        }
        return OpenAiChatModel.builder()
                .baseUrl(settings.baseUrl())
                .apiKey(settings.apiKey())
                .modelName(settings.model())
                .temperature(0.0)
                .maxRetries(0)
                .httpClientBuilder(new BoundedHttpClientBuilder(settings.timeout(), maxReplyBytes));
    }
}
