package dev.kiln.cli;

import dev.kiln.intent.IntentParser;
import dev.kiln.intent.RuleBasedIntentParser;
import dev.kiln.intent.llm.LlmIntentParser;
import dev.kiln.spec.KilnException;
import java.util.Map;

/**
 * Chooses the intent parser: the offline rule-based one by default, checked and extended by an LLM when
 * {@code KILN_LLM_BASE_URL} is set.
 */
final class IntentParsers {
    private IntentParsers() {}

    static IntentParser fromEnvironment(Map<String, String> env) {
        try {
            return LlmIntentParser.fromEnvironment(env, new RuleBasedIntentParser());
        } catch (IllegalArgumentException e) {
            throw new KilnException("bad LLM settings: " + e.getMessage(), e);
        }
    }
}
