package dev.kiln.intent.llm;

import dev.kiln.intent.ParsedIntent;
import dev.kiln.llm.LlmSettings;
import dev.kiln.llm.ScriptedChatServer;
import dev.kiln.spec.AuthType;
import dev.kiln.spec.Entity;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Starts a {@link ScriptedChatServer} per test and builds parsers that talk to it over a blog baseline. */
abstract class ScriptedServerTestCase {
    ScriptedChatServer server;
    FixedIntentParser baseline;

    @BeforeEach
    void startServer() throws IOException {
        server = new ScriptedChatServer();
        baseline = FixedIntentParser.returning(BlogFixtures.baseline());
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    LlmIntentParser parser() {
        return parser(Duration.ofSeconds(10));
    }

    LlmIntentParser parser(Duration timeout) {
        return new LlmIntentParser(new LlmSettings(server.baseUrl(), "test-model", null, timeout), 2, baseline);
    }

    static AuthType authType(ParsedIntent intent) {
        return Objects.requireNonNull(intent.spec().features().auth()).type();
    }

    static String entityNames(ParsedIntent intent) {
        return String.join(
                ",", intent.spec().entities().stream().map(Entity::name).toList());
    }
}
