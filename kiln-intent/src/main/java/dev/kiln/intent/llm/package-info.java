/**
 * The optional LLM intent parser: {@link dev.kiln.intent.llm.LlmIntentParser} asks a chat model on an
 * OpenAI-compatible endpoint for a spec, validates and repairs its reply, and reconciles it with the offline
 * rule-based parser so the model can never add what the prompt did not ask for.
 *
 * <p>It is off unless {@code KILN_LLM_BASE_URL} is set; see {@link dev.kiln.llm.LlmSettings} (kiln-llm) and
 * {@link dev.kiln.intent.llm.LlmIntentParser#MAX_REPAIRS_VARIABLE}. A local
 * Ollama works through its OpenAI-compatible endpoint, {@code http://localhost:11434/v1}.
 */
@NullMarked
package dev.kiln.intent.llm;

import org.jspecify.annotations.NullMarked;
