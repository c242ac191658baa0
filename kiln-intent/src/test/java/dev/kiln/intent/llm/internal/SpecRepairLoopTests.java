package dev.kiln.intent.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.spec.io.SpecReader;
import dev.kiln.spec.validation.SchemaCheck;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecRepairLoopTests {
    private static final String VALID =
            "{\"kiln\": 1, \"name\": \"blog\", \"package\": \"blog\", \"entities\": [{\"name\": \"Post\", \"fields\": []}]}";

    /** A chat model that answers from a script and records what it was asked. */
    private static final class ScriptedModel implements ChatModel {
        private final Deque<String> replies;
        private final List<ChatRequest> requests = new ArrayList<>();

        ScriptedModel(String... replies) {
            this.replies = new ArrayDeque<>(List.of(replies));
        }

        @Override
        public ChatResponse doChat(ChatRequest request) {
            requests.add(request);
            if (replies.isEmpty()) {
                throw new InternalServerException("no reply left");
            }
            return ChatResponse.builder()
                    .aiMessage(AiMessage.from(replies.poll()))
                    .build();
        }
    }

    private static ModelOutcome run(ScriptedModel model, int maxRepairs) {
        SchemaCheck schema = new SchemaCheck();
        return new SpecRepairLoop(new JsonModeChat(model), new SpecPrompts(schema), new SpecReader(schema), maxRepairs)
                .run("a blog with posts");
    }

    @Test
    void runAcceptsAValidFirstReplyWithoutRepairs() {
        ScriptedModel model = new ScriptedModel(VALID);

        assertThat(run(model, 2))
                .isInstanceOfSatisfying(
                        ModelOutcome.Accepted.class,
                        a -> assertThat(a.repairs()).isZero());
        assertThat(model.requests).hasSize(1);
    }

    @Test
    void runCountsTheRepairsItTook() {
        ScriptedModel model = new ScriptedModel("no", VALID);

        assertThat(run(model, 2))
                .isInstanceOfSatisfying(
                        ModelOutcome.Accepted.class,
                        a -> assertThat(a.repairs()).isEqualTo(1));
        assertThat(model.requests.get(1).messages()).hasSize(4);
    }

    @Test
    void runWithoutRepairsGivesUpAfterOneReply() {
        ScriptedModel model = new ScriptedModel("no", VALID);

        assertThat(run(model, 0))
                .isEqualTo(new ModelOutcome.Failed(
                        "the model's reply was still unusable after 0 repairs (the reply contains no JSON object)"));
        assertThat(model.requests).hasSize(1);
    }

    @Test
    void runStopsAtTheFirstServerFailure() {
        ScriptedModel model = new ScriptedModel();

        assertThat(run(model, 2))
                .isEqualTo(new ModelOutcome.Failed("the model server could not be used: no reply left"));
    }
}
