package dev.kiln.cli;

import static dev.kiln.cli.KilnCommandTests.kiln;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.cli.KilnCommandTests.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code kiln rag ingest} and {@code kiln rag search}: output, JSON contract and exit codes. */
class RagCommandTests {
    @TempDir
    static Path tmp;

    private static Path docs;
    private static Path store;

    @BeforeAll
    static void ingest() throws IOException {
        docs = Files.createDirectories(tmp.resolve("docs"));
        Files.writeString(docs.resolve("backup.md"), """
                # Backups

                ## Restoring from a snapshot

                Stop the server, run orbit restore, then start it again.
                """);
        Files.writeString(docs.resolve("tuning.html"), """
                <html><head><title>Tuning</title></head><body><nav>menu</nav>
                <h2 id="flush">journal_flush_interval</h2><p>How often the journal is flushed, 200 ms by default.</p>
                </body></html>""");
        Files.writeString(docs.resolve("salaries.md"), "# Salaries\n\nSalary bands for 2026.");
        Files.writeString(docs.resolve("salaries.md.acl"), "hr\n");
        Files.write(docs.resolve("broken.txt"), new byte[] {1, 0, 2});
        store = tmp.resolve("store");
        Run run = kiln("rag", "ingest", "--store", store.toString(), docs.toString());
        assertThat(run.code()).as(run.err()).isZero();
    }

    @Nested
    class Ingest {
        @Test
        void reingestReportsUnchangedFilesAndSkippedOnes() {
            Run run = kiln("rag", "ingest", "--store", store.toString(), docs.toString(), "--json");
            assertThat(run.code()).isZero();
            JsonNode report = JsonMapper.shared().readTree(run.out());
            assertThat(report.get("unchanged").asInt()).isEqualTo(3);
            assertThat(report.get("added").asInt()).isZero();
            assertThat(report.get("skipped").get(0).get("source").asString())
                    .isEqualTo(docs.resolve("broken.txt").toString());
            assertThat(run.err()).contains("skipped " + docs.resolve("broken.txt") + ": binary content");
        }

        @Test
        void aMissingPathExitsTwo() {
            Run run = kiln(
                    "rag",
                    "ingest",
                    "--store",
                    tmp.resolve("other").toString(),
                    tmp.resolve("nope").toString());
            assertThat(run.code()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.err()).isEqualTo("error: no such file or directory: " + tmp.resolve("nope") + "\n");
        }

        @Test
        void aStoreKeepsTheModelItWasBuiltWith() {
            Run other =
                    kiln("rag", "ingest", "--store", store.toString(), "--model", "all-minilm-l6-v2", docs.toString());
            assertThat(other.code()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(other.err())
                    .contains("was built with all-minilm-l6-v2-q; --model all-minilm-l6-v2 needs a new --store");
            Run bogus = kiln(
                    "rag", "ingest", "--store", tmp.resolve("new").toString(), "--model", "bogus", docs.toString());
            assertThat(bogus.code()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(bogus.err())
                    .isEqualTo("error: --model must be one of all-minilm-l6-v2, all-minilm-l6-v2-q, was 'bogus'\n");
            assertThat(tmp.resolve("new")).doesNotExist();
        }
    }

    @Nested
    class Search {
        @Test
        void jsonHasTheContractedFieldsAndTheSourceAsIngested() {
            Run run = kiln("rag", "search", "--store", store.toString(), "--json", "--top-k", "1", "flush interval");
            assertThat(run.code()).as(run.err()).isZero();
            JsonNode result = JsonMapper.shared().readTree(run.out());
            assertThat(result.get("query").asString()).isEqualTo("flush interval");
            JsonNode hit = result.get("hits").get(0);
            assertThat(List.copyOf(hit.propertyNames())).containsExactly("source", "title", "section", "score", "text");
            assertThat(hit.get("source").asString())
                    .isEqualTo(docs.resolve("tuning.html").toString());
            assertThat(hit.get("section").asString()).isEqualTo("journal_flush_interval");
            assertThat(hit.get("text").asString()).contains("200 ms by default");
        }

        @Test
        void queriesFileGivesOneJsonLinePerQueryInOrder() throws IOException {
            Path queries = tmp.resolve("queries.jsonl");
            Files.writeString(queries, """
                    {"id": "q1", "q": "restore a snapshot"}

                    {"id": 2, "q": "salary bands"}
                    """);
            Run run = kiln(
                    "rag",
                    "search",
                    "--store",
                    store.toString(),
                    "--queries",
                    queries.toString(),
                    "--mode",
                    "bm25",
                    "--principal",
                    "hr");
            assertThat(run.code()).as(run.err()).isZero();
            List<String> lines = run.out().lines().toList();
            assertThat(lines).hasSize(2);
            JsonNode first = JsonMapper.shared().readTree(lines.get(0));
            assertThat(first.get("id").asString()).isEqualTo("q1");
            assertThat(first.get("hits").get(0).get("source").asString())
                    .isEqualTo(docs.resolve("backup.md").toString());
            JsonNode second = JsonMapper.shared().readTree(lines.get(1));
            assertThat(second.get("id").asInt()).isEqualTo(2);
            assertThat(second.get("hits").get(0).get("source").asString())
                    .isEqualTo(docs.resolve("salaries.md").toString());
        }

        @Test
        void withoutThePrincipalARestrictedDocumentIsNotFound() {
            Run run = kiln("rag", "search", "--store", store.toString(), "--mode", "bm25", "salary bands");
            assertThat(run.code()).isZero();
            assertThat(run.out()).isEqualTo("No readable document matches.\n");
        }

        @Test
        void humanOutputShowsSourceAnchorTitleAndSnippet() {
            Run run = kiln(
                    "rag", "search", "--store", store.toString(), "--mode", "bm25", "--top-k", "1", "journal flushed");
            assertThat(run.out())
                    .startsWith("1. " + docs.resolve("tuning.html") + "#flush  (")
                    .contains("   Tuning | journal_flush_interval\n")
                    .contains("200 ms by default");
        }

        @Test
        void aBadQueriesLineExitsTwoWithItsLocationAndPrintsNothing() throws IOException {
            Path queries = tmp.resolve("bad.jsonl");
            Files.writeString(queries, "{\"id\": 1, \"q\": \"ok\"}\n{\"id\": 2}\n");
            Run run = kiln("rag", "search", "--store", store.toString(), "--queries", queries.toString());
            assertThat(run.code()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.out()).isEmpty();
            assertThat(run.err())
                    .isEqualTo("error: " + queries + ":2: expected {\"id\": ..., \"q\": \"query text\"}\n");
        }

        @Test
        void aMissingStoreExitsTwoAndSaysHowToCreateOne() {
            Path absent = tmp.resolve("absent");
            Run run = kiln("rag", "search", "--store", absent.toString(), "anything");
            assertThat(run.code()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.err())
                    .isEqualTo("error: no store at " + absent + ": create one with 'kiln rag ingest --store " + absent
                            + " PATH...'\n");
        }

        @Test
        void anUnknownModeExitsTwo() {
            Run run = kiln("rag", "search", "--store", store.toString(), "--mode", "fuzzy", "x");
            assertThat(run.code()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.err()).contains("--mode must be bm25, dense or hybrid, was 'fuzzy'");
        }

        @Test
        void diversityReordersTheSamePagesAndNeedsHybridMode() {
            Run plain = kiln("rag", "search", "--store", store.toString(), "--json", "--top-k", "5", "orbit journal");
            Run diverse = kiln(
                    "rag",
                    "search",
                    "--store",
                    store.toString(),
                    "--json",
                    "--top-k",
                    "5",
                    "--diversity",
                    "0.5",
                    "orbit journal");
            assertThat(diverse.code()).as(diverse.err()).isZero();
            List<String> before = sources(plain.out());
            assertThat(sources(diverse.out()))
                    .containsExactlyInAnyOrderElementsOf(before)
                    .isNotEmpty();
            Run bm25 = kiln("rag", "search", "--store", store.toString(), "--mode", "bm25", "--diversity", "0.5", "x");
            assertThat(bm25.code()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(bm25.err()).contains("--diversity needs --mode hybrid and a LAMBDA in (0, 1]");
            Run zero = kiln("rag", "search", "--store", store.toString(), "--diversity", "0", "x");
            assertThat(zero.code()).isEqualTo(ExitCodes.BAD_INPUT);
        }

        private static List<String> sources(String json) {
            List<String> sources = new java.util.ArrayList<>();
            JsonMapper.shared()
                    .readTree(json)
                    .get("hits")
                    .forEach(h -> sources.add(h.get("source").asString()));
            return sources;
        }
    }

    @Nested
    class AskAndEval {
        @Test
        void askQuotesAndCitesTheDocumentOrAbstainsInJson() {
            Run answered = kiln(
                    "rag",
                    "ask",
                    "--store",
                    store.toString(),
                    "--json",
                    "How often is the journal flushed by default?");
            assertThat(answered.code()).as(answered.err()).isZero();
            JsonNode answer = JsonMapper.shared().readTree(answered.out());
            assertThat(List.copyOf(answer.propertyNames()))
                    .containsExactly("answer", "abstained", "citations", "mode", "unseen");
            assertThat(answer.get("mode").asString()).isEqualTo("extractive");
            assertThat(answer.get("abstained").asBoolean()).isFalse();
            assertThat(answer.get("citations").get(0).get("source").asString())
                    .isEqualTo(docs.resolve("tuning.html").toString());
            assertThat(answer.get("answer").asString()).contains("200 ms by default");

            Run abstained = kiln("rag", "ask", "--store", store.toString(), "--json", "lemon drizzle cake recipe");
            JsonNode none = JsonMapper.shared().readTree(abstained.out());
            assertThat(none.get("abstained").asBoolean()).isTrue();
            assertThat(none.get("answer").asString()).isEqualTo("The documents do not say.");
            assertThat(none.get("citations")).isEmpty();

            Run unseen = kiln(
                    "rag", "ask", "--store", store.toString(), "How is the journal flushed with Patroni and etcd?");
            assertThat(unseen.code()).as(unseen.err()).isZero();
            assertThat(unseen.out()).startsWith("The documents do not say.");
            assertThat(unseen.err()).contains("the documents never mention: Patroni, etcd");

            Run estimate = kiln(
                    "rag",
                    "ask",
                    "--store",
                    store.toString(),
                    "How long does flushing the journal take on a 2 TB disk?");
            assertThat(estimate.code()).as(estimate.err()).isZero();
            assertThat(estimate.out()).startsWith("The documents do not say.");
            assertThat(estimate.err()).contains("the question asks for a measured figure");
        }

        @Test
        void evalPrintsFiguresPerModeAndTheAbstentionLine() throws IOException {
            Path qrels = tmp.resolve("qrels.jsonl");
            Files.writeString(qrels, """
                    {"id": "a", "q": "restore from a snapshot", "relevant": ["backup.md"]}
                    {"id": "n", "q": "lemon drizzle cake recipe", "relevant": []}
                    """);
            Run run = kiln("rag", "eval", "--store", store.toString(), "--qrels", qrels.toString());
            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.out())
                    .startsWith(
                            "mode   | questions | Hit@1 |  R@1  |  R@5  |  R@10 | MRR@10 | nDCG@10 | p50 ms | p99 ms\n")
                    .contains("bm25   |         1 | 1.000 | 1.000 | 1.000 | 1.000 |  1.000 |   1.000 |")
                    .contains("abstained on 1 of 1 unanswerable (100.0%)");
        }

        @Test
        void evalMeasuresSeveralQuestionSetsInOneRun() throws IOException {
            Path first = tmp.resolve("first.jsonl");
            Files.writeString(
                    first, "{\"id\": \"a\", \"q\": \"restore from a snapshot\", \"relevant\": [\"backup.md\"]}\n");
            Path second = tmp.resolve("second.jsonl");
            Files.writeString(second, """
                    {"id": "b", "q": "journal flush interval", "relevant": ["tuning.html"]}
                    {"id": "c", "q": "salary bands", "relevant": ["salaries.md"]}
                    """);
            Run run = kiln(
                    "rag",
                    "eval",
                    "--store",
                    store.toString(),
                    "--qrels",
                    first.toString(),
                    "--qrels",
                    second.toString());
            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.out()).startsWith("== " + first + "\n").contains("\n== " + second + "\n");
            String secondTable = run.out().substring(run.out().indexOf("== " + second));
            // salaries.md is readable by hr only, so the anonymous run finds one of the two.
            assertThat(secondTable).contains("bm25   |         2 | 0.500 |");
            Run json = kiln(
                    "rag",
                    "eval",
                    "--store",
                    store.toString(),
                    "--json",
                    "--qrels",
                    first.toString(),
                    "--qrels",
                    second.toString());
            JsonNode sets = JsonMapper.shared().readTree(json.out()).get("sets");
            assertThat(sets).hasSize(2);
            assertThat(sets.get(1).get("qrels").asString()).isEqualTo(second.toString());
            assertThat(sets.get(1).get("modes").get("bm25").get("questions").asInt())
                    .isEqualTo(2);
        }
    }
}
