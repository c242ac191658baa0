package dev.kiln.intent.llm;

import static dev.kiln.intent.llm.BlogFixtures.PROMPT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.intent.ParsedIntent;
import dev.kiln.intent.UnclearPromptException;
import dev.kiln.llm.ScriptedChatServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The parser when the model server fails: the baseline's result comes back with a warning saying why. */
class LlmIntentParserServerFailureTests extends ScriptedServerTestCase {

    @Test
    void parseFallsBackOnHttp500WithoutRetrying() {
        server.then(ScriptedChatServer.status(500, "{\"error\":{\"message\":\"model crashed\"}}"));

        ParsedIntent intent = parser().parse(PROMPT);

        assertThat(intent.spec()).isEqualTo(BlogFixtures.baseline().spec());
        assertThat(intent.warnings())
                .singleElement()
                .asString()
                .contains("the model server answered HTTP 500", "model crashed");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void parseFallsBackWhenTheServerDoesNotAnswerInTime() {
        server.then(server.hanging());
        long start = System.nanoTime();

        ParsedIntent intent = parser(Duration.ofMillis(500)).parse(PROMPT);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(intent.spec()).isEqualTo(BlogFixtures.baseline().spec());
        assertThat(intent.warnings()).singleElement().asString().contains("did not answer in time");
    }

    @Test
    void parseFallsBackWhenNoServerListens() {
        LlmIntentParser parser = parser();
        server.close();

        ParsedIntent intent = parser.parse(PROMPT);

        assertThat(intent.spec()).isEqualTo(BlogFixtures.baseline().spec());
        assertThat(intent.warnings())
                .singleElement()
                .asString()
                .contains("the model server cannot be reached (connection refused)");
    }

    @Test
    void parseRethrowsTheBaselinesVerdictWhenTheModelFailsToo() {
        baseline = FixedIntentParser.findingNothing();
        server.then(ScriptedChatServer.status(500, "{}"));

        assertThatThrownBy(() -> parser().parse("hmm")).isInstanceOf(UnclearPromptException.class);
    }

    @Test
    void parseLeavesABlankPromptToTheBaselineAndCallsNoModel() {
        assertThatThrownBy(() -> parser().parse("  ")).isInstanceOf(UnclearPromptException.class);
        assertThat(server.requests()).isEmpty();
    }
}
