/**
 * The plumbing every Kiln feature that calls a chat model shares: {@link dev.kiln.llm.LlmSettings} reads
 * {@code KILN_LLM_*} and refuses malformed values early, {@link dev.kiln.llm.OpenAiChatModels} builds LangChain4j's
 * OpenAI chat model over an HTTP client with one deadline for the whole call and a bounded reply, and
 * {@link dev.kiln.llm.ModelFailures} words a failed call so the user knows what to fix.
 *
 * <p>It depends on no other Kiln module; kiln-intent and kiln-rag build their model features on it.
 */
@NullMarked
package dev.kiln.llm;

import org.jspecify.annotations.NullMarked;
