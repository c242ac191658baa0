package dev.kiln.cli;

import static dev.kiln.cli.KilnCommandTests.kiln;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.cli.KilnCommandTests.Run;
import dev.kiln.llm.ScriptedChatServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code kiln rag ask} with {@code KILN_LLM_*} set, against an OpenAI-compatible server on loopback that stands in
 * for a model (no model runs): the JSON contract with its added fields, dropped sentences, and endpoint failures.
 */
class RagAskLlmCommandTests {
    private static final JsonMapper JSON = JsonMapper.shared();
    private static final String QUESTION = "How often is the journal flushed by default?";

    @TempDir
    static Path tmp;

    private static Path docs;
    private static Path store;

    private ScriptedChatServer server;

    @BeforeAll
    static void ingest() throws IOException {
        docs = Files.createDirectories(tmp.resolve("docs"));
        Files.writeString(docs.resolve("tuning.html"), """
                <html><head><title>Tuning</title></head><body>
                <h2 id="flush">journal_flush_interval</h2><p>How often the journal is flushed, 200 ms by default.
                Lower values lose fewer messages after a power failure.</p>
                </body></html>""");
        Files.writeString(
                docs.resolve("backup.md"), "# Backups\n\n## Restoring\n\nStop the server, run orbit restore.\n");
        store = tmp.resolve("store");
        Run run = kiln("rag", "ingest", "--store", store.toString(), docs.toString());
        assertThat(run.code()).as(run.err()).isZero();
    }

    @BeforeEach
    void start() throws IOException {
        server = new ScriptedChatServer().always(ScriptedChatServer.answering(prompt -> "NOT IN DOCUMENTS"));
        RagAskCommand.environment = () -> Map.of(
                "KILN_LLM_BASE_URL", baseUrl(), "KILN_LLM_MODEL", "fake-model", "KILN_LLM_TIMEOUT_SECONDS", "20");
    }

    @AfterEach
    void stop() {
        RagAskCommand.environment = System::getenv;
        server.close();
    }

    private String baseUrl() {
        return server.baseUrl();
    }

    private void answering(Function<String, String> model) {
        server.always(ScriptedChatServer.answering(model));
    }

    /** The number of the excerpt that contains a phrase in the prompt Kiln sent. */
    private static int excerpt(String prompt, String phrase) {
        Matcher m = Pattern.compile("(?s)\\[(\\d+)] (.*?)(?=\\n\\n\\[\\d+] |\\n\\nQuestion: )")
                .matcher(prompt);
        while (m.find()) {
            if (m.group(2).contains(phrase)) {
                return Integer.parseInt(m.group(1));
            }
        }
        throw new AssertionError("no excerpt with " + phrase);
    }

    @Test
    void jsonKeepsTheContractAndAddsModeMarkersAndDroppedSentences() {
        answering(prompt -> {
            int n = excerpt(prompt, "200 ms by default");
            return "The journal is flushed every 200 ms by default [" + n + "]. Lower values lose fewer messages"
                    + " after a power failure [" + n + "]. Flushing uses 4 threads [" + n + "].";
        });

        Run run = kiln("rag", "ask", "--store", store.toString(), "--json", QUESTION);

        assertThat(run.code()).as(run.err()).isZero();
        JsonNode answer = JSON.readTree(run.out());
        assertThat(answer.get("mode").asString()).isEqualTo("llm");
        assertThat(answer.get("abstained").asBoolean()).isFalse();
        assertThat(answer.get("answer").asString())
                .contains("200 ms by default.")
                .contains("power failure.")
                .doesNotContain("4 threads");
        JsonNode citation = answer.get("citations").get(0);
        assertThat(citation.get("source").asString())
                .isEqualTo(docs.resolve("tuning.html").toString());
        assertThat(citation.get("anchor").asString()).isEqualTo("flush");
        assertThat(answer.get("answer").asString())
                .contains("[" + citation.get("n").asInt() + "]");
        assertThat(citation.get("text").asString()).contains("200 ms by default");
        assertThat(answer.get("dropped")).singleElement().satisfies(d -> {
            assertThat(d.get("sentence").asString()).contains("4 threads");
            assertThat(d.get("reason").asString()).isEqualTo("the cited chunks do not contain 4");
        });
    }

    @Test
    void humanOutputPrintsTheAnswerAndCitationsAndReportsDroppedSentencesOnStderr() {
        answering(prompt -> {
            int n = excerpt(prompt, "200 ms by default");
            return "The journal is flushed every 200 ms by default [" + n + "]. It also replicates to Mars [" + n
                    + "].";
        });

        Run run = kiln("rag", "ask", "--store", store.toString(), QUESTION);

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("200 ms by default.")
                .contains("tuning.html#flush")
                .doesNotContain("Mars");
        assertThat(run.err()).contains("dropped \"It also replicates to Mars").contains("content words");
    }

    @Test
    void aGarbageModelFallsBackToTheExtractiveAnswer() {
        answering(prompt -> "lorem ipsum <|im_end|> {{ }}");

        Run run = kiln("rag", "ask", "--store", store.toString(), "--json", QUESTION);

        assertThat(run.code()).as(run.err()).isZero();
        JsonNode answer = JSON.readTree(run.out());
        assertThat(answer.get("mode").asString()).isEqualTo("extractive");
        assertThat(answer.get("note").asString()).contains("the extractive answer is shown");
        assertThat(answer.get("answer").asString()).contains("200 ms by default");
        assertThat(answer.get("dropped")).isNotEmpty();
    }

    @Test
    void aFailingEndpointExitsTwoSayingWhatWhereAndHowToFix() {
        server.always(ScriptedChatServer.status(503, "{\"error\":{\"message\":\"the model is loading\"}}"));

        Run run = kiln("rag", "ask", "--store", store.toString(), "--json", QUESTION);

        assertThat(run.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .startsWith("error: the model fake-model at " + baseUrl() + " answered HTTP 503")
                .contains("the model is loading")
                .contains("unset KILN_LLM_BASE_URL for extractive answers");
    }

    @Test
    void incompleteSettingsExitTwoBeforeAnything() {
        RagAskCommand.environment = () -> Map.of("KILN_LLM_BASE_URL", baseUrl());

        Run run = kiln("rag", "ask", "--store", store.toString(), QUESTION);

        assertThat(run.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).startsWith("error: bad LLM settings: KILN_LLM_BASE_URL is set but KILN_LLM_MODEL is not");
    }
}
