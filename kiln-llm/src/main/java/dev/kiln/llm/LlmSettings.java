package dev.kiln.llm;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How to reach a chat model: an OpenAI-compatible endpoint, a model name, an optional key and a deadline.
 *
 * <p>Build it with {@link #fromEnvironment(Map)} in a front end; tests construct it directly. Any server that
 * speaks the OpenAI chat-completions API works: OpenAI itself ({@code https://api.openai.com/v1}), vLLM,
 * llama.cpp's server, LM Studio, or Ollama through its OpenAI-compatible endpoint
 * ({@code http://localhost:11434/v1}, no API key needed). Every Kiln feature that calls a model reads the same
 * variables; settings only one feature needs (the intent parser's repair rounds) stay with that feature.
 *
 * @param baseUrl the API base URL, ending before {@code /chat/completions}, for example
 *     {@code http://localhost:11434/v1}
 * @param model the model name the server knows, for example {@code llama3.1} or {@code gpt-4o-mini}
 * @param apiKey the bearer token, or null for local servers that need none
 * @param timeout the longest one model call may take, reply included
 */
public record LlmSettings(
        String baseUrl, String model, @Nullable String apiKey, Duration timeout) {

    /** Environment variable with the base URL; when it is unset, Kiln stays offline. */
    public static final String BASE_URL_VARIABLE = "KILN_LLM_BASE_URL";

    /** Environment variable with the model name; required when the base URL is set. */
    public static final String MODEL_VARIABLE = "KILN_LLM_MODEL";

    /** Environment variable with the API key; optional for local servers. */
    public static final String API_KEY_VARIABLE = "KILN_LLM_API_KEY";

    /** Environment variable with the timeout of one model call in seconds; optional. */
    public static final String TIMEOUT_VARIABLE = "KILN_LLM_TIMEOUT_SECONDS";

    /** The timeout when none is configured: local models on a CPU are slow. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    /** Checks each setting, so a typo fails at start-up rather than at the first model call. */
    public LlmSettings {
        checkUrl(baseUrl);
        if (model.isBlank()) {
            throw new IllegalArgumentException("the model name is blank; set " + MODEL_VARIABLE
                    + " to a model the server knows, for example llama3.1");
        }
        if (apiKey != null && apiKey.isBlank()) {
            apiKey = null;
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive, got " + timeout);
        }
    }

    /**
     * Creates settings with the default timeout.
     *
     * @param baseUrl the API base URL
     * @param model the model name
     * @param apiKey the API key, or null
     * @return the settings
     */
    public static LlmSettings of(String baseUrl, String model, @Nullable String apiKey) {
        return new LlmSettings(baseUrl, model, apiKey, DEFAULT_TIMEOUT);
    }

    /**
     * Reads the settings from environment variables: {@value #BASE_URL_VARIABLE}, {@value #MODEL_VARIABLE},
     * {@value #API_KEY_VARIABLE}, and optionally {@value #TIMEOUT_VARIABLE}.
     *
     * @param env the environment, usually {@code System.getenv()}
     * @return the settings, or empty when {@value #BASE_URL_VARIABLE} is unset or blank: the offline default
     * @throws IllegalArgumentException if the base URL is set but the model is missing or a value is malformed;
     *     the message names the variable
     */
    public static Optional<LlmSettings> fromEnvironment(Map<String, String> env) {
        String baseUrl = value(env, BASE_URL_VARIABLE);
        if (baseUrl == null) {
            return Optional.empty();
        }
        String model = value(env, MODEL_VARIABLE);
        if (model == null) {
            throw new IllegalArgumentException(BASE_URL_VARIABLE + " is set but " + MODEL_VARIABLE
                    + " is not; name the model to use, for example " + MODEL_VARIABLE + "=llama3.1");
        }
        String seconds = value(env, TIMEOUT_VARIABLE);
        Duration timeout = seconds == null ? DEFAULT_TIMEOUT : Duration.ofSeconds(seconds(seconds));
        return Optional.of(new LlmSettings(baseUrl, model, value(env, API_KEY_VARIABLE), timeout));
    }

    /**
     * Describes the settings without the API key, for logs and messages.
     *
     * @return for example {@code LlmSettings[baseUrl=http://localhost:11434/v1, model=llama3.1, apiKey=none, ...]}
     */
    @Override
    public String toString() {
        return "LlmSettings[baseUrl=" + baseUrl + ", model=" + model + ", apiKey=" + (apiKey == null ? "none" : "***")
                + ", timeout=" + timeout + "]";
    }

    private static @Nullable String value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static long seconds(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    TIMEOUT_VARIABLE + " must be a whole number of seconds, got '" + value + "'", e);
        }
    }

    private static void checkUrl(String baseUrl) {
        try {
            String scheme = new URI(baseUrl).getScheme();
            if (scheme == null || !scheme.toLowerCase(Locale.ROOT).matches("https?")) {
                throw new IllegalArgumentException(BASE_URL_VARIABLE + " must be an http(s) URL such as "
                        + "http://localhost:11434/v1, got '" + baseUrl + "'");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(BASE_URL_VARIABLE + " is not a URL: '" + baseUrl + "'", e);
        }
    }
}
