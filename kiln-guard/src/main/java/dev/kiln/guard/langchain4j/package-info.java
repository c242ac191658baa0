/**
 * Kiln's guardrails inside LangChain4j AI services: {@link dev.kiln.guard.langchain4j.PipelineInputGuardrail}
 * and {@link dev.kiln.guard.langchain4j.PipelineOutputGuardrail} run a {@link dev.kiln.guard.GuardPipeline} as
 * LangChain4j's {@code InputGuardrail} and {@code OutputGuardrail}.
 */
@NullMarked
package dev.kiln.guard.langchain4j;

import org.jspecify.annotations.NullMarked;
