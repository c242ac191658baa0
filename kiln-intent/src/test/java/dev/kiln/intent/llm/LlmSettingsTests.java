package dev.kiln.intent.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LlmSettingsTests {
    @Test
    void fromEnvironmentIsEmptyWithoutABaseUrl() {
        assertThat(LlmSettings.fromEnvironment(Map.of())).isEmpty();
        assertThat(LlmSettings.fromEnvironment(Map.of("KILN_LLM_BASE_URL", " ", "KILN_LLM_MODEL", "m")))
                .isEmpty();
    }

    @Test
    void fromEnvironmentReadsAnOllamaSetupWithDefaults() {
        assertThat(LlmSettings.fromEnvironment(
                        Map.of("KILN_LLM_BASE_URL", "http://localhost:11434/v1", "KILN_LLM_MODEL", "llama3.1")))
                .contains(new LlmSettings("http://localhost:11434/v1", "llama3.1", null, Duration.ofMinutes(2), 2));
    }

    @Test
    void fromEnvironmentReadsEveryVariable() {
        assertThat(LlmSettings.fromEnvironment(Map.of(
                        "KILN_LLM_BASE_URL", "https://api.openai.com/v1",
                        "KILN_LLM_MODEL", "gpt-4o-mini",
                        "KILN_LLM_API_KEY", "sk-123",
                        "KILN_LLM_TIMEOUT_SECONDS", "30",
                        "KILN_LLM_MAX_REPAIRS", "0")))
                .contains(new LlmSettings(
                        "https://api.openai.com/v1", "gpt-4o-mini", "sk-123", Duration.ofSeconds(30), 0));
    }

    @Test
    void fromEnvironmentRequiresAModelOnceTheBaseUrlIsSet() {
        assertThatThrownBy(() -> LlmSettings.fromEnvironment(Map.of("KILN_LLM_BASE_URL", "http://localhost:11434/v1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("KILN_LLM_MODEL=llama3.1");
    }

    @Test
    void fromEnvironmentRejectsMalformedValues() {
        Map<String, String> base = Map.of("KILN_LLM_MODEL", "m", "KILN_LLM_BASE_URL", "localhost:11434");
        assertThatThrownBy(() -> LlmSettings.fromEnvironment(base)).hasMessageContaining("http(s) URL");
        assertThatThrownBy(() -> LlmSettings.fromEnvironment(Map.of(
                        "KILN_LLM_BASE_URL", "http://h/v1", "KILN_LLM_MODEL", "m", "KILN_LLM_TIMEOUT_SECONDS", "soon")))
                .hasMessageContaining("KILN_LLM_TIMEOUT_SECONDS must be a whole number");
        assertThatThrownBy(() -> LlmSettings.fromEnvironment(Map.of(
                        "KILN_LLM_BASE_URL", "http://h/v1", "KILN_LLM_MODEL", "m", "KILN_LLM_MAX_REPAIRS", "99")))
                .hasMessageContaining("KILN_LLM_MAX_REPAIRS must be within 0..10");
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
    }

    @Test
    void fromEnvironmentOfTheParserFallsBackToTheBaselineWhenOffline() {
        FixedIntentParser baseline = FixedIntentParser.returning(BlogFixtures.baseline());

        assertThat(LlmIntentParser.fromEnvironment(Map.of(), baseline)).isSameAs(baseline);
        assertThat(LlmIntentParser.fromEnvironment(
                        Map.of("KILN_LLM_BASE_URL", "http://localhost:11434/v1", "KILN_LLM_MODEL", "m"), baseline))
                .isInstanceOf(LlmIntentParser.class);
    }
}
