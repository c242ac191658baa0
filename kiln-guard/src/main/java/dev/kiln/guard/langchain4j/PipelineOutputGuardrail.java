package dev.kiln.guard.langchain4j;

import dev.kiln.guard.GuardPipeline;
import dev.kiln.guard.GuardResult;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.guardrail.OutputGuardrail;
import dev.langchain4j.guardrail.OutputGuardrailResult;

/**
 * A LangChain4j {@link OutputGuardrail} that runs the output side of a {@link GuardPipeline} on the model's
 * answer: a blocked answer (a leaked canary, a secret the policy blocks, JSON that breaks its schema) fails
 * fatally, a redacted one is
 * replaced by its redacted text, anything else passes unchanged. An answer without text (only tool calls)
 * passes. Use {@link PipelineInputGuardrail} for the user's message.
 */
public final class PipelineOutputGuardrail implements OutputGuardrail {
    private final GuardPipeline pipeline;

    /**
     * Wraps a pipeline.
     *
     * @param pipeline the pipeline whose output side is run
     */
    public PipelineOutputGuardrail(GuardPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public OutputGuardrailResult validate(AiMessage responseFromLLM) {
        String text = responseFromLLM.text();
        if (text == null || text.isEmpty()) {
            return success();
        }
        GuardResult result = pipeline.checkOutput(text);
        if (result.blocked()) {
            return fatal(Verdicts.reason(result));
        }
        return Verdicts.rewritten(result) ? successWith(result.safeText()) : success();
    }
}
