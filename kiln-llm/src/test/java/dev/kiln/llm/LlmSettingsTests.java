package dev.kiln.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading KILN_LLM_* and refusing malformed values early, with the variable's name. */
class LlmSettingsTests {
    @Test
    void fromEnvironmentIsEmptyWithoutABaseUrl() {
        assertThat(LlmSettings.fromEnvironment(Map.of())).isEmpty();
        assertThat(LlmSettings.fromEnvironment(Map.of("KILN_LLM_MODEL", "llama3.1")))
                .isEmpty();
        assertThat(LlmSettings.fromEnvironment(Map.of("KILN_LLM_BASE_URL", " ", "KILN_LLM_MODEL", "m")))
                .isEmpty();
    }

    @Test
    void fromEnvironmentReadsAnOllamaSetupWithDefaults() {
        assertThat(LlmSettings.fromEnvironment(
                        Map.of("KILN_LLM_BASE_URL", "http://localhost:11434/v1", "KILN_LLM_MODEL", "llama3.1")))
                .contains(new LlmSettings("http://localhost:11434/v1", "llama3.1", null, Duration.ofMinutes(2)));
    }

    @Test
    void fromEnvironmentReadsEveryVariable() {
        assertThat(LlmSettings.fromEnvironment(Map.of(
                        "KILN_LLM_BASE_URL", "https://api.openai.com/v1",
                        "KILN_LLM_MODEL", " gpt-4o-mini ",
                        "KILN_LLM_API_KEY", "sk-123",
                        "KILN_LLM_TIMEOUT_SECONDS", "30")))
                .contains(
                        new LlmSettings("https://api.openai.com/v1", "gpt-4o-mini", "sk-123", Duration.ofSeconds(30)));
    }

    @Test
    void fromEnvironmentRequiresAModelOnceTheBaseUrlIsSet() {
        assertThatThrownBy(() -> LlmSettings.fromEnvironment(Map.of("KILN_LLM_BASE_URL", "http://localhost:11434/v1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("KILN_LLM_MODEL is not")
                .hasMessageContaining("KILN_LLM_MODEL=llama3.1");
    }

    @Test
    void fromEnvironmentRejectsMalformedValuesNamingTheVariable() {
        assertThatThrownBy(() -> LlmSettings.fromEnvironment(
                        Map.of("KILN_LLM_BASE_URL", "localhost:11434", "KILN_LLM_MODEL", "m")))
                .hasMessageContaining("KILN_LLM_BASE_URL must be an http(s) URL");
        assertThatThrownBy(() ->
                        LlmSettings.fromEnvironment(Map.of("KILN_LLM_BASE_URL", "http://h/v 1", "KILN_LLM_MODEL", "m")))
                .hasMessageContaining("KILN_LLM_BASE_URL is not a URL");
        assertThatThrownBy(() -> LlmSettings.fromEnvironment(Map.of(
                        "KILN_LLM_BASE_URL", "http://h/v1", "KILN_LLM_MODEL", "m", "KILN_LLM_TIMEOUT_SECONDS", "soon")))
                .hasMessageContaining("KILN_LLM_TIMEOUT_SECONDS must be a whole number of seconds, got 'soon'");
        assertThatThrownBy(() -> LlmSettings.fromEnvironment(Map.of(
                        "KILN_LLM_BASE_URL", "http://h/v1", "KILN_LLM_MODEL", "m", "KILN_LLM_TIMEOUT_SECONDS", "0")))
                .hasMessageContaining("the timeout must be positive");
    }

    @Test
    void aBlankModelIsRefusedWithTheVariableToSet() {
        assertThatThrownBy(() -> LlmSettings.of("http://h/v1", " ", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("set KILN_LLM_MODEL");
    }

    @Test
    void aBlankApiKeyMeansNone() {
        assertThat(LlmSettings.of("http://h/v1", "m", " ").apiKey()).isNull();
    }

    @Test
    void toStringNeverShowsTheApiKey() {
        assertThat(LlmSettings.of("http://h/v1", "m", "sk-secret").toString())
                .doesNotContain("sk-secret")
                .contains("apiKey=***", "model=m");
        assertThat(LlmSettings.of("http://h/v1", "m", null).toString()).contains("apiKey=none");
    }
}
