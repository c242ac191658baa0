package dev.kiln.guard.langchain4j;

import dev.kiln.guard.GuardPipeline;
import dev.kiln.guard.GuardResult;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.guardrail.InputGuardrail;
import dev.langchain4j.guardrail.InputGuardrailResult;

/**
 * A LangChain4j {@link InputGuardrail} that runs the input side of a {@link GuardPipeline} on the user's
 * message: a blocked message fails fatally (the model is not called), a redacted one goes on with its
 * redacted text, anything else unchanged. Messages with images or other non-text parts go through
 * unchecked, since the pipeline reads text only. Use {@link PipelineOutputGuardrail} for the model's answer.
 */
public final class PipelineInputGuardrail implements InputGuardrail {
    private final GuardPipeline pipeline;

    /**
     * Wraps a pipeline.
     *
     * @param pipeline the pipeline whose input side is run
     */
    public PipelineInputGuardrail(GuardPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public InputGuardrailResult validate(UserMessage userMessage) {
        if (!userMessage.hasSingleText()) {
            return success();
        }
        GuardResult result = pipeline.checkInput(userMessage.singleText());
        if (result.blocked()) {
            return fatal(Verdicts.reason(result));
        }
        return Verdicts.rewritten(result) ? successWith(result.safeText()) : success();
    }
}
