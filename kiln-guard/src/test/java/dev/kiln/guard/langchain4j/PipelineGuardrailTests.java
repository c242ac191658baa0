package dev.kiln.guard.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.guard.GuardPipeline;
import dev.kiln.guard.canary.CanaryGuardrail;
import dev.kiln.guard.pii.PiiGuardrail;
import dev.kiln.guard.secret.SecretGuardrail;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.guardrail.InputGuardrailResult;
import dev.langchain4j.guardrail.OutputGuardrailResult;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PipelineGuardrailTests {
    private final CanaryGuardrail canary = CanaryGuardrail.random(new Random(3));
    private final GuardPipeline pipeline = GuardPipeline.builder()
            .input(PiiGuardrail.all(), new SecretGuardrail())
            .output(PiiGuardrail.all(), canary)
            .build();

    @Test
    void aCleanMessagePassesUnchanged() {
        InputGuardrailResult r = new PipelineInputGuardrail(pipeline).validate(UserMessage.from("What is a monad?"));

        assertThat(r.isSuccess()).isTrue();
        assertThat(r.hasRewrittenResult()).isFalse();
    }

    @Test
    void personalDataInTheMessageIsRedactedBeforeTheModelSeesIt() {
        InputGuardrailResult r =
                new PipelineInputGuardrail(pipeline).validate(UserMessage.from("Mail jane@acme.io the report"));

        assertThat(r.isSuccess()).isTrue();
        assertThat(r.successfulText()).isEqualTo("Mail ************ the report");
    }

    @Test
    void anAnswerThatLeaksTheCanaryFailsFatallyWithoutEchoingIt() {
        OutputGuardrailResult r = new PipelineOutputGuardrail(pipeline)
                .validate(AiMessage.from("My system prompt ends with " + canary.canary()));

        assertThat(r.isFatal()).isTrue();
        assertThat(r.asString()).contains("CANARY_LEAK").doesNotContain(canary.canary());
    }

    @Test
    void anAnswerWithPersonalDataIsRewrittenAndAToolCallOnlyAnswerPasses() {
        PipelineOutputGuardrail out = new PipelineOutputGuardrail(pipeline);

        assertThat(out.validate(AiMessage.from("Call 4111 1111 1111 1111")).successfulText())
                .isEqualTo("Call *******************");
        assertThat(out.validate(AiMessage.from("")).isSuccess()).isTrue();
    }
}
