package dev.kiln.rag.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.llm.LlmSettings;
import dev.kiln.llm.ScriptedChatServer;
import dev.kiln.rag.KnowledgeBase;
import dev.kiln.rag.TestCorpus;
import dev.kiln.rag.answer.AbstentionPolicy;
import dev.kiln.rag.answer.Answer;
import dev.kiln.rag.embed.MiniLmEmbeddingModel;
import dev.kiln.rag.ingest.IngestListener;
import dev.kiln.rag.ingest.IngestOptions;
import dev.kiln.rag.store.StoreReader;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LLM-written answers against a fake OpenAI-compatible server on loopback (no model runs), over the test corpus
 * with the real MiniLM model and the shipped abstention rule.
 */
class LlmAnswererTests {
    private static final MiniLmEmbeddingModel MODEL = new MiniLmEmbeddingModel(2);
    private static final String QUESTION = "What is the default journal flush interval?";
    private static final String FLUSH = "journal_flush_interval sets";

    @TempDir
    static Path tmp;

    private static StoreReader reader;
    private ScriptedChatServer server;

    @BeforeAll
    static void ingest() {
        Path docs = TestCorpus.copyTo(tmp.resolve("docs"));
        KnowledgeBase.ingest(tmp.resolve("store"), List.of(docs), IngestOptions.DEFAULTS, MODEL, IngestListener.NONE);
        reader = StoreReader.open(tmp.resolve("store"));
    }

    @AfterAll
    static void close() {
        reader.close();
        MODEL.close();
    }

    @BeforeEach
    void start() throws IOException {
        server = new ScriptedChatServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** The number of the excerpt in a prompt whose text contains a phrase. */
    static int excerptWith(String prompt, String phrase) {
        Matcher excerpt = Pattern.compile("(?s)\\[(\\d+)] (.*?)(?=\\n\\n\\[\\d+] |\\n\\nQuestion: )")
                .matcher(prompt);
        while (excerpt.find()) {
            if (excerpt.group(2).contains(phrase)) {
                return Integer.parseInt(excerpt.group(1));
            }
        }
        throw new AssertionError("no excerpt contains '" + phrase + "' in:\n" + prompt);
    }

    private LlmAnswerer answerer(Duration timeout) {
        return LlmAnswerer.openAi(
                reader,
                MODEL,
                AbstentionPolicy.DEFAULT,
                new LlmSettings(server.baseUrl(), "fake-model", null, timeout));
    }

    private LlmAnswer ask(String question, Set<String> principals) {
        return answerer(Duration.ofSeconds(20)).answer(question, principals);
    }

    @Test
    void aFaithfulAnswerIsKeptWithItsMarkersAndQuotesTheSupportingSentence() {
        server.always(ScriptedChatServer.answering(prompt -> {
            int n = excerptWith(prompt, FLUSH);
            return "The default journal_flush_interval is 200 milliseconds [" + n + "]. Lower values lose fewer"
                    + " messages after a power failure [" + n + "].";
        }));

        LlmAnswer answer = ask(QUESTION, Set.of());

        assertThat(answer.mode()).isEqualTo(LlmAnswer.Mode.LLM);
        assertThat(answer.abstained()).isFalse();
        assertThat(answer.dropped()).isEmpty();
        assertThat(answer.text()).contains("200 milliseconds.").contains("power failure.");
        assertThat(answer.citations()).singleElement().satisfies(c -> {
            assertThat(answer.text()).contains("[" + c.n() + "]");
            assertThat(c.citation().source()).endsWith("guide/tuning.html");
            assertThat(c.citation().anchor()).isEqualTo("flush-interval");
            assertThat(c.citation().text()).contains("The default is 200.");
        });
        var request = server.requests().getFirst();
        assertThat(request.get("model").asString()).isEqualTo("fake-model");
        assertThat(request.get("temperature").asDouble()).isZero();
        assertThat(request.get("messages").get(0).get("content").asString()).contains("NOT IN DOCUMENTS");
        assertThat(request.get("messages").get(1).get("content").asString())
                .contains("[1] ")
                .endsWith("Question: " + QUESTION);
    }

    @Test
    void anInventedSentenceIsDroppedAndReportedWhileTheSupportedOneStays() {
        server.always(ScriptedChatServer.answering(prompt -> {
            int n = excerptWith(prompt, FLUSH);
            return "The default journal_flush_interval is 200 milliseconds [" + n + "]. Setting it above 5000"
                    + " corrupts the journal [" + n + "].";
        }));

        LlmAnswer answer = ask(QUESTION, Set.of());

        assertThat(answer.mode()).isEqualTo(LlmAnswer.Mode.LLM);
        assertThat(answer.text()).contains("200 milliseconds").doesNotContain("5000");
        assertThat(answer.dropped()).singleElement().satisfies(d -> {
            assertThat(d.sentence()).contains("5000");
            assertThat(d.reason()).isEqualTo("the cited chunks do not contain 5000");
        });
    }

    @Test
    void whenMostSentencesAreUnsupportedTheExtractiveAnswerIsShown() {
        server.always(ScriptedChatServer.answering(prompt -> {
            int n = excerptWith(prompt, FLUSH);
            return "The default is 200 milliseconds [" + n + "]. The broker encrypts each journal segment with"
                    + " AES before uploading [" + n + "]. Kubernetes operators rotate the keys weekly [" + n + "].";
        }));

        LlmAnswer answer = ask(QUESTION, Set.of());

        assertThat(answer.mode()).isEqualTo(LlmAnswer.Mode.EXTRACTIVE);
        assertThat(answer.abstained()).isFalse();
        assertThat(answer.dropped())
                .hasSize(2)
                .allSatisfy(d -> assertThat(d.reason()).startsWith("only "));
        assertThat(answer.note()).startsWith("1 of 3 sentences");
        assertThat(answer.text()).contains("journal_flush_interval sets how many milliseconds");
        assertThat(answer.citations())
                .isNotEmpty()
                .allSatisfy(c -> assertThat(answer.text()).contains(c.citation().text()));
    }

    @Test
    void sentencesCitingNothingOrAChunkThatWasNotGivenAreDropped() {
        server.always(ScriptedChatServer.answering(prompt -> {
            int n = excerptWith(prompt, FLUSH);
            return "The default journal_flush_interval is 200 milliseconds [" + n + "]. Lower values lose fewer"
                    + " messages after a power failure [9]. Higher values raise throughput.";
        }));

        LlmAnswer answer = ask(QUESTION, Set.of());

        assertThat(answer.dropped())
                .extracting(LlmAnswer.Dropped::reason)
                .satisfiesExactly(
                        r -> assertThat(r).matches("it cites \\[9], but only chunks 1 to [1-6] were given"),
                        r -> assertThat(r).isEqualTo("it cites no chunk"));
        assertThat(answer.mode()).isEqualTo(LlmAnswer.Mode.EXTRACTIVE);
    }

    @Test
    void aGarbageReplyFallsBackToTheExtractiveAnswer() {
        server.always(ScriptedChatServer.answering(prompt -> "}}{{ asdf qwerty ]]] <|endoftext|> lorem"));

        LlmAnswer answer = ask(QUESTION, Set.of());

        assertThat(answer.mode()).isEqualTo(LlmAnswer.Mode.EXTRACTIVE);
        assertThat(answer.abstained()).isFalse();
        assertThat(answer.dropped())
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d.reason()).isEqualTo("it cites no chunk"));
        assertThat(answer.text()).contains("journal_flush_interval");
    }

    @Test
    void anEmptyReplyFallsBackToo() {
        server.always(ScriptedChatServer.answering(prompt -> ""));

        LlmAnswer answer = ask(QUESTION, Set.of());

        assertThat(answer.mode()).isEqualTo(LlmAnswer.Mode.EXTRACTIVE);
        assertThat(answer.note()).contains("no sentences");
    }

    @Test
    void weakEvidenceAbstainsWithoutCallingTheModel() {
        LlmAnswer answer = ask("Who won the 2018 FIFA World Cup final in Moscow?", Set.of());

        assertThat(answer.abstained()).isTrue();
        assertThat(answer.text()).isEqualTo(Answer.ABSTENTION);
        assertThat(answer.citations()).isEmpty();
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void theModelsRefusalIsAnAbstention() {
        server.always(ScriptedChatServer.answering(prompt -> "NOT IN DOCUMENTS."));

        LlmAnswer answer = ask(QUESTION, Set.of());

        assertThat(answer.abstained()).isTrue();
        assertThat(answer.mode()).isEqualTo(LlmAnswer.Mode.LLM);
        assertThat(answer.text()).isEqualTo(Answer.ABSTENTION);
    }

    @Test
    void theModelNeverSeesADocumentThePrincipalMayNotRead() {
        server.always(ScriptedChatServer.answering(prompt -> "NOT IN DOCUMENTS"));

        ask("What are the engineering salary bands for senior engineers in 2026?", Set.of("engineering"));
        ask("What are the engineering salary bands for senior engineers in 2026?", Set.of());

        assertThat(server.requests())
                .allSatisfy(
                        r -> assertThat(r.toString()).doesNotContain("78,000").doesNotContain("Salary bands"));
    }

    @Test
    void aServerErrorSaysWhatWhereAndHowToFix() {
        server.always(ScriptedChatServer.status(500, "{\"error\":{\"message\":\"model crashed\"}}"));

        assertThatThrownBy(() -> ask(QUESTION, Set.of()))
                .isInstanceOf(LlmException.class)
                .hasMessageContaining("model fake-model at " + server.baseUrl())
                .hasMessageContaining("HTTP 500")
                .hasMessageContaining("model crashed")
                .hasMessageContaining("unset KILN_LLM_BASE_URL");
    }

    @Test
    void aRefusedKeyPointsAtTheKeyVariable() {
        server.always(ScriptedChatServer.status(401, "{\"error\":{\"message\":\"invalid api key\"}}"));

        assertThatThrownBy(() -> ask(QUESTION, Set.of()))
                .isInstanceOf(LlmException.class)
                .hasMessageContaining("refused the API key")
                .hasMessageContaining("KILN_LLM_API_KEY");
    }

    @Test
    void aBodyThatIsNotAChatCompletionIsAClearError() {
        server.always(ScriptedChatServer.status(200, "<html><body>502 Bad Gateway</body></html>"));

        assertThatThrownBy(() -> ask(QUESTION, Set.of()))
                .isInstanceOf(LlmException.class)
                .hasMessageContaining("model fake-model at " + server.baseUrl())
                .hasMessageContaining("not an OpenAI chat completion");
    }

    @Test
    void aServerThatDoesNotAnswerTimesOut() {
        server.always(server.hanging());
        long start = System.nanoTime();

        assertThatThrownBy(() -> answerer(Duration.ofSeconds(1)).answer(QUESTION, Set.of()))
                .isInstanceOf(LlmException.class)
                .hasMessageContaining("did not answer in time")
                .hasMessageContaining("KILN_LLM_TIMEOUT_SECONDS");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void anUnreachableServerSaysSo() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        LlmAnswerer answerer = LlmAnswerer.openAi(
                reader,
                MODEL,
                AbstentionPolicy.DEFAULT,
                new LlmSettings("http://127.0.0.1:" + port + "/v1", "fake-model", null, Duration.ofSeconds(5)));

        assertThatThrownBy(() -> answerer.answer(QUESTION, Set.of()))
                .isInstanceOf(LlmException.class)
                .hasMessageContaining("cannot be reached (connection refused)")
                .hasMessageContaining("127.0.0.1:" + port);
    }
}
