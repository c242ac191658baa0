package dev.kiln.rag.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading KILN_LLM_* and refusing malformed values early. */
class LlmSettingsTests {
    @Test
    void withoutABaseUrlAnswersStayExtractive() {
        assertThat(LlmSettings.fromEnvironment(Map.of("KILN_LLM_MODEL", "llama3.1")))
                .isEmpty();
        assertThat(LlmSettings.fromEnvironment(Map.of("KILN_LLM_BASE_URL", " ")))
                .isEmpty();
    }

    @Test
    void readsEveryVariableAndHidesTheKey() {
        LlmSettings settings = LlmSettings.fromEnvironment(Map.of(
                        "KILN_LLM_BASE_URL", "http://localhost:11434/v1",
                        "KILN_LLM_MODEL", "llama3.1",
                        "KILN_LLM_API_KEY", "sk-secret",
                        "KILN_LLM_TIMEOUT_SECONDS", "30"))
                .orElseThrow();
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.apiKey()).isEqualTo("sk-secret");
        assertThat(settings.toString()).doesNotContain("sk-secret").contains("apiKey=***");
        assertThat(LlmSettings.fromEnvironment(
                                Map.of("KILN_LLM_BASE_URL", "http://localhost:11434/v1", "KILN_LLM_MODEL", "m"))
                        .orElseThrow()
                        .timeout())
                .isEqualTo(LlmSettings.DEFAULT_TIMEOUT);
    }

    @Test
    void aMissingModelABadUrlOrABadTimeoutIsRefusedWithTheVariableName() {
        assertThatThrownBy(() -> LlmSettings.fromEnvironment(Map.of("KILN_LLM_BASE_URL", "http://localhost/v1")))
                .hasMessageContaining("KILN_LLM_MODEL is not");
        assertThatThrownBy(() -> LlmSettings.fromEnvironment(
                        Map.of("KILN_LLM_BASE_URL", "localhost:11434", "KILN_LLM_MODEL", "m")))
                .hasMessageContaining("KILN_LLM_BASE_URL must be an http(s) URL");
        assertThatThrownBy(() -> LlmSettings.fromEnvironment(Map.of(
                        "KILN_LLM_BASE_URL", "http://localhost/v1",
                        "KILN_LLM_MODEL", "m",
                        "KILN_LLM_TIMEOUT_SECONDS", "soon")))
                .hasMessageContaining("KILN_LLM_TIMEOUT_SECONDS must be a whole number");
    }
}
