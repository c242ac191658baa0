/**
 * LLM-written answers that are checked sentence by sentence: {@link dev.kiln.rag.llm.LlmAnswerer} retrieves as
 * the extractive answerer does, abstains without calling the model when the evidence is weak, prompts an
 * OpenAI-compatible chat model ({@link dev.kiln.llm.LlmSettings}, from kiln-llm) with numbered chunks, and keeps only the
 * sentences that cite chunks that exist and that {@link dev.kiln.rag.llm.SupportCheck} finds supported by them;
 * when too little survives it falls back to the extractive answer.
 */
@NullMarked
package dev.kiln.rag.llm;

import org.jspecify.annotations.NullMarked;
