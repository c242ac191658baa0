package dev.kiln.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.chat.ChatModel;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The chat model Kiln builds, against {@link ScriptedChatServer} on loopback (no model runs): what it sends, the
 * deadline and reply limit of its HTTP client, and how {@link ModelFailures} words each way a call fails.
 */
class OpenAiChatModelsTests {
    private static final int LIMIT = 64 * 1024;

    private ScriptedChatServer server;

    @BeforeEach
    void start() throws IOException {
        server = new ScriptedChatServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ChatModel model(Duration timeout, @Nullable String apiKey) {
        return OpenAiChatModels.builder(new LlmSettings(server.baseUrl(), "test-model", apiKey, timeout), LIMIT)
                .build();
    }

    private ChatModel model() {
        return model(Duration.ofSeconds(10), "sk-test");
    }

    /** What the user reads when a call fails: the failure, worded. */
    private static String failureOf(ChatModel model) {
        try {
            model.chat("hello");
        } catch (RuntimeException e) {
            return ModelFailures.describe(e, "model server");
        }
        throw new AssertionError("the call did not fail");
    }

    @Test
    void aCallSendsTheModelTheKeyAndTemperatureZeroAndReturnsTheText() {
        server.thenContent("hi there");

        assertThat(model().chat("hello")).isEqualTo("hi there");

        assertThat(server.requests()).singleElement().satisfies(request -> {
            assertThat(request.get("model").asString()).isEqualTo("test-model");
            assertThat(request.get("temperature").asDouble()).isZero();
        });
        assertThat(server.lastMessage(0)).isEqualTo("hello");
        assertThat(server.headers().get(0).get("Authorization")).containsExactly("Bearer sk-test");
    }

    @Test
    void aServerErrorIsNotRetriedAndNamesTheStatusTheServersWordsAndWhatToCheck() {
        server.always(ScriptedChatServer.status(500, "{\"error\":{\"message\":\"model crashed\"}}"));

        assertThat(failureOf(model()))
                .startsWith("the model server answered HTTP 500 (")
                .contains("model crashed", "check KILN_LLM_BASE_URL", "KILN_LLM_MODEL");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aRefusedKeyPointsAtTheKeyVariable() {
        server.always(ScriptedChatServer.status(401, "{\"error\":{\"message\":\"invalid api key\"}}"));

        assertThat(failureOf(model()))
                .startsWith("the model server refused the API key")
                .contains("KILN_LLM_API_KEY");
    }

    @Test
    void anUnknownModelPointsAtTheModelVariable() {
        server.always(ScriptedChatServer.status(404, "{\"error\":{\"message\":\"model 'x' not found\"}}"));

        assertThat(failureOf(model()))
                .startsWith("the model server does not know the model")
                .contains("KILN_LLM_MODEL");
    }

    @Test
    void aServerThatNeverAnswersIsCutOffAtTheDeadline() {
        server.always(server.hanging());
        long start = System.nanoTime();

        String failure = failureOf(model(Duration.ofMillis(500), null));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(failure)
                .startsWith("the model server did not answer in time")
                .contains("KILN_LLM_TIMEOUT_SECONDS");
    }

    @Test
    void aReplyOverTheLimitIsCutOffUnread() {
        server.thenContent("x".repeat(LIMIT * 2));

        assertThat(failureOf(model()))
                .isEqualTo("the model server sent too large a reply: the reply is larger than 64 KiB; it was cut off"
                        + " unread");
    }

    @Test
    void aBodyThatIsNotAChatCompletionSaysSo() {
        server.always(ScriptedChatServer.status(200, "<html><body>502 Bad Gateway</body></html>"));

        assertThat(failureOf(model())).contains("not an OpenAI chat completion", "KILN_LLM_BASE_URL");
    }

    @Test
    void anUnreachableServerSaysTheConnectionWasRefused() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        ChatModel model = OpenAiChatModels.builder(
                        LlmSettings.of("http://127.0.0.1:" + port + "/v1", "test-model", null), LIMIT)
                .build();

        assertThat(failureOf(model))
                .isEqualTo("the model server cannot be reached (connection refused); check that the server runs and"
                        + " KILN_LLM_BASE_URL points at it");
    }

    @Test
    void theReplyLimitMustBePositive() {
        assertThatThrownBy(() -> OpenAiChatModels.builder(LlmSettings.of("http://h/v1", "m", null), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxReplyBytes must be positive");
    }
}
