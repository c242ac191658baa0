package dev.kiln.rag.llm;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How to reach the chat model that writes answers: an OpenAI-compatible endpoint (OpenAI, vLLM, llama.cpp's
 * server, LM Studio, Ollama's {@code /v1}) and a model name. The variables are the ones the rest of Kiln reads.
 *
 * @param baseUrl the API base URL, ending before {@code /chat/completions}, for example
 *     {@code http://localhost:11434/v1}
 * @param model the model name the server knows
 * @param apiKey the bearer token, or null for servers that need none
 * @param timeout the longest one model call may take, reply included
 */
public record LlmSettings(
        String baseUrl, String model, @Nullable String apiKey, Duration timeout) {
    /** Environment variable with the base URL; when it is unset, answers stay extractive. */
    public static final String BASE_URL_VARIABLE = "KILN_LLM_BASE_URL";

    /** Environment variable with the model name; required when the base URL is set. */
    public static final String MODEL_VARIABLE = "KILN_LLM_MODEL";

    /** Environment variable with the API key; optional. */
    public static final String API_KEY_VARIABLE = "KILN_LLM_API_KEY";

    /** Environment variable with the timeout of one model call in seconds; optional. */
    public static final String TIMEOUT_VARIABLE = "KILN_LLM_TIMEOUT_SECONDS";

    /** The timeout when none is configured: local models on a CPU are slow. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    /** Checks each setting, so that a typo fails before retrieval rather than at the model call. */
    public LlmSettings {
        checkUrl(baseUrl);
        if (model.isBlank()) {
            throw new IllegalArgumentException(
                    "the model name is blank; set " + MODEL_VARIABLE + " to a model the server knows");
        }
        if (apiKey != null && apiKey.isBlank()) {
            apiKey = null;
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive, got " + timeout);
        }
    }

    /**
     * Reads the settings from {@value #BASE_URL_VARIABLE}, {@value #MODEL_VARIABLE}, {@value #API_KEY_VARIABLE}
     * and {@value #TIMEOUT_VARIABLE}.
     *
     * @param env the environment, usually {@code System.getenv()}
     * @return the settings, or empty when {@value #BASE_URL_VARIABLE} is unset or blank
     * @throws IllegalArgumentException if the base URL is set but the model is missing or a value is malformed
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
        Duration timeout = DEFAULT_TIMEOUT;
        if (seconds != null) {
            try {
                timeout = Duration.ofSeconds(Long.parseLong(seconds));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        TIMEOUT_VARIABLE + " must be a whole number of seconds, got '" + seconds + "'", e);
            }
        }
        return Optional.of(new LlmSettings(baseUrl, model, value(env, API_KEY_VARIABLE), timeout));
    }

    /**
     * Describes the settings without the API key.
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
