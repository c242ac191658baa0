package dev.kiln.rag.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.rag.KnowledgeBase;
import dev.kiln.rag.TestCorpus;
import dev.kiln.rag.embed.MiniLmEmbeddingModel;
import dev.kiln.rag.eval.Question;
import dev.kiln.rag.eval.Questions;
import dev.kiln.rag.ingest.IngestListener;
import dev.kiln.rag.ingest.IngestOptions;
import dev.kiln.rag.store.StoreReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Extractive answers and abstention over the test corpus with the real MiniLM model. */
class ExtractiveAnswererTests {
    private static final MiniLmEmbeddingModel MODEL = new MiniLmEmbeddingModel(2);

    @TempDir
    static Path tmp;

    private static StoreReader reader;
    private static ExtractiveAnswerer answerer;

    @BeforeAll
    static void ingest() {
        Path docs = TestCorpus.copyTo(tmp.resolve("docs"));
        KnowledgeBase.ingest(tmp.resolve("store"), List.of(docs), IngestOptions.DEFAULTS, MODEL, IngestListener.NONE);
        reader = StoreReader.open(tmp.resolve("store"));
        answerer = new ExtractiveAnswerer(reader, MODEL, AbstentionPolicy.DEFAULT);
    }

    @AfterAll
    static void close() {
        reader.close();
        MODEL.close();
    }

    @Test
    void quotesTheSentenceThatAnswersAndCitesItsSection() {
        Answer answer = answerer.answer("What is the default journal flush interval?", Set.of());
        assertThat(answer.abstained()).isFalse();
        assertThat(answer.text()).contains("journal_flush_interval sets how many milliseconds");
        assertThat(answer.citations())
                .isNotEmpty()
                .allSatisfy(c -> assertThat(answer.text()).contains(c.text()));
        assertThat(answer.citations()).anySatisfy(c -> {
            assertThat(c.source()).endsWith("guide/tuning.html");
            assertThat(c.anchor()).isEqualTo("flush-interval");
            assertThat(c.section()).isEqualTo("Tuning message throughput > journal_flush_interval");
        });
    }

    @Test
    void abstainsOnQuestionsTheDocumentsCannotAnswerAndAnswersMostOthers() {
        int answered = 0;
        int answerable = 0;
        for (Question q : Questions.read(Path.of("src/test/resources/dev/kiln/rag/questions.jsonl"))) {
            Answer answer = answerer.answer(q.query(), Set.of("engineering"));
            if (q.answerable()) {
                answerable++;
                answered += answer.abstained() ? 0 : 1;
            } else {
                assertThat(answer.abstained())
                        .as("%s %s", q.id(), answer.evidence())
                        .isTrue();
                assertThat(answer.text()).isEqualTo(Answer.ABSTENTION);
                assertThat(answer.citations()).isEmpty();
            }
        }
        // The thresholds were calibrated on the PostgreSQL set (95% answered there); on this six-page
        // corpus, questions answered by a bare list item or a one-line note have weak evidence.
        assertThat(answered).isGreaterThanOrEqualTo(answerable / 2);
    }

    @Test
    void neverQuotesADocumentThePrincipalMayNotRead() {
        Answer outsider = answerer.answer("What are the engineering salary bands?", Set.of("engineering"));
        assertThat(outsider.citations()).noneSatisfy(c -> assertThat(c.source()).endsWith("salaries.md"));
        Answer hr = answerer.answer("What are the engineering salary bands?", Set.of("hr"));
        assertThat(hr.abstained()).isFalse();
        assertThat(hr.citations()).anySatisfy(c -> assertThat(c.source()).endsWith("salaries.md"));
    }

    @Test
    void namesTheWordsAndNamesNoReadableDocumentMentions() {
        Evidence evidence = answerer.evidence(
                "How do I tune the journal flush interval with Patroni on Kafka Connect 7?", Set.of());
        assertThat(evidence.unseenWords())
                .as("everyday words (do, interval, Connect) never count, even when the store lacks them")
                .containsExactly("Patroni", "Kafka", "7");
        assertThat(evidence.unseenNames()).containsExactly("Kafka Connect 7");
        assertThat(evidence.unseenShare()).isStrictlyBetween(0.0, 1.0);
        assertThat(answerer.answer("How do I tune the journal flush interval with Kafka Connect 7?", Set.of())
                        .abstained())
                .as("an unseen name abstains however close the rest of the question is")
                .isTrue();

        Evidence known = answerer.evidence("What is the default journal flush interval?", Set.of());
        assertThat(known.unseenWords()).isEmpty();
        assertThat(known.unseenNames()).isEmpty();
        assertThat(known.unseenShare()).isZero();
    }

    @Test
    void aSettingTheDocumentsNeverMentionAbstainsButTheAskersOwnNamesDoNot() {
        Answer sibling = answerer.answer("How do I lower journal_sync_interval to flush the journal sooner?", Set.of());
        assertThat(sibling.evidence().unseenSystemNames())
                .as("shaped like the documented journal_flush_interval, but no page has it")
                .containsExactly("journal_sync_interval");
        assertThat(sibling.abstained()).isTrue();

        Evidence known = answerer.evidence("How do I lower journal_flush_interval?", Set.of());
        assertThat(known.unseenSystemNames()).isEmpty();

        Evidence owned = answerer.evidence(
                "How often is the journal flushed to disk when my billing_events table receives messages?", Set.of());
        assertThat(owned.unseenWords()).contains("billing_events");
        assertThat(owned.unseenSystemNames()).as("marked as the asker's own").isEmpty();
    }

    @Test
    void aWordOnlyAnUnreadableDocumentContainsCountsAsUnseen() {
        String question = "Which salary bands apply in 2026?";
        assertThat(answerer.evidence(question, Set.of("engineering")).unseenWords())
                .as("only the salary page, which engineering may not read, says 2026")
                .containsExactly("2026");
        assertThat(answerer.evidence(question, Set.of("hr")).unseenWords()).isEmpty();
    }
}
