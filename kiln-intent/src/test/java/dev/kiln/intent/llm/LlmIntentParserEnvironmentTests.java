package dev.kiln.intent.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.llm.LlmSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the parser reads from the environment beyond kiln-llm's endpoint settings (tested in kiln-llm): the number
 * of repair rounds, and whether to use a model at all.
 */
class LlmIntentParserEnvironmentTests {
    private static final Map<String, String> OLLAMA =
            Map.of("KILN_LLM_BASE_URL", "http://localhost:11434/v1", "KILN_LLM_MODEL", "llama3.1");

    @Test
    void maxRepairsDefaultsToTwoAndReadsTheVariable() {
        assertThat(LlmIntentParser.maxRepairs(OLLAMA)).isEqualTo(2);
        assertThat(LlmIntentParser.maxRepairs(Map.of("KILN_LLM_MAX_REPAIRS", " ")))
                .isEqualTo(2);
        assertThat(LlmIntentParser.maxRepairs(Map.of("KILN_LLM_MAX_REPAIRS", "0")))
                .isZero();
        assertThat(LlmIntentParser.maxRepairs(Map.of("KILN_LLM_MAX_REPAIRS", "10")))
                .isEqualTo(10);
    }

    @Test
    void fromEnvironmentRejectsMalformedRepairCounts() {
        assertThatThrownBy(() -> LlmIntentParser.fromEnvironment(with("KILN_LLM_MAX_REPAIRS", "99"), baseline()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("KILN_LLM_MAX_REPAIRS must be within 0..10");
        assertThatThrownBy(() -> LlmIntentParser.fromEnvironment(with("KILN_LLM_MAX_REPAIRS", "-1"), baseline()))
                .hasMessageContaining("KILN_LLM_MAX_REPAIRS must be within 0..10, got -1");
        assertThatThrownBy(() -> LlmIntentParser.fromEnvironment(with("KILN_LLM_MAX_REPAIRS", "many"), baseline()))
                .hasMessageContaining("KILN_LLM_MAX_REPAIRS must be a whole number, got 'many'");
    }

    @Test
    void fromEnvironmentPassesOnTheEndpointSettingsComplaints() {
        assertThatThrownBy(() -> LlmIntentParser.fromEnvironment(
                        Map.of("KILN_LLM_BASE_URL", "http://localhost:11434/v1"), baseline()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("KILN_LLM_MODEL=llama3.1");
    }

    @Test
    void theConstructorsKeepRepairsWithinZeroToTen() {
        assertThatThrownBy(() ->
                        new LlmIntentParser(LlmSettings.of("http://localhost:11434/v1", "m", null), 11, baseline()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxRepairs must be within 0..10, got 11");
    }

    @Test
    void fromEnvironmentOfTheParserFallsBackToTheBaselineWhenOffline() {
        FixedIntentParser baseline = baseline();

        assertThat(LlmIntentParser.fromEnvironment(Map.of(), baseline)).isSameAs(baseline);
        assertThat(LlmIntentParser.fromEnvironment(Map.of("KILN_LLM_MAX_REPAIRS", "99"), baseline))
                .isSameAs(baseline);
        assertThat(LlmIntentParser.fromEnvironment(OLLAMA, baseline)).isInstanceOf(LlmIntentParser.class);
    }

    private static Map<String, String> with(String name, String value) {
        return Map.of("KILN_LLM_BASE_URL", "http://localhost:11434/v1", "KILN_LLM_MODEL", "llama3.1", name, value);
    }

    private static FixedIntentParser baseline() {
        return FixedIntentParser.returning(BlogFixtures.baseline());
    }
}
