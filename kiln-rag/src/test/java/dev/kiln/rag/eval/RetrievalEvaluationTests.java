package dev.kiln.rag.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.rag.RagException;
import dev.kiln.rag.search.Retriever;
import dev.kiln.rag.search.SearchHit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetrievalEvaluationTests {
    private static SearchHit hit(String source) {
        return new SearchHit(source, "", "", "", "", 0);
    }

    @Test
    void computesRecallMrrAndNdcgFromTheRanksOfRelevantPages() {
        Map<String, List<String>> rankings = Map.of(
                "first", List.of("/d/a.html", "/d/x.html"),
                "third", List.of("/d/x.html", "/d/y.html", "/d/b.html"),
                "missing", List.of("/d/x.html"),
                "two", List.of("/d/c1.html", "/d/x.html", "/d/c2.html"));
        Retriever retriever = request -> rankings.getOrDefault(request.query(), List.of()).stream()
                .map(RetrievalEvaluationTests::hit)
                .toList();
        List<Question> questions = List.of(
                new Question("1", "first", List.of("a.html")),
                new Question("2", "third", List.of("b.html")),
                new Question("3", "missing", List.of("z.html")),
                new Question("4", "two", List.of("c1.html", "c2.html")),
                new Question("5", "unanswerable", List.of()));

        EvaluationReport report = new RetrievalEvaluation(Set.of()).evaluate(retriever, questions);

        assertThat(report.questions()).isEqualTo(4);
        assertThat(report.recallAt1()).isCloseTo((1 + 0 + 0 + 0.5) / 4, within(1e-9));
        // "two" has two relevant pages: one of them first is a full hit but half of its recall.
        assertThat(report.hitAt1()).isCloseTo((1 + 0 + 0 + 1) / 4.0, within(1e-9));
        assertThat(report.hitAt5()).isCloseTo((1 + 1 + 0 + 1) / 4.0, within(1e-9));
        assertThat(report.recallAt5()).isCloseTo((1 + 1 + 0 + 1) / 4.0, within(1e-9));
        assertThat(report.mrrAt10()).isCloseTo((1 + 1 / 3.0 + 0 + 1) / 4, within(1e-9));
        double ndcgTwo = (1 + 1 / (Math.log(4) / Math.log(2))) / (1 + 1 / (Math.log(3) / Math.log(2)));
        assertThat(report.ndcgAt10()).isCloseTo((1 + 0.5 + 0 + ndcgTwo) / 4, within(1e-9));
        assertThat(report.results())
                .extracting(QuestionResult::firstRelevantRank)
                .containsExactly(1, 3, 0, 1);
    }

    @Test
    void readsQuestionSetsAndPointsAtTheBadLine(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("q.jsonl");
        Files.writeString(file, "{\"id\":\"a\",\"q\":\"x\",\"relevant\":[\"p.html\"]}\n\n{\"id\":\"b\",\"q\":\"y\"}\n");
        assertThatThrownBy(() -> Questions.read(file))
                .isInstanceOf(RagException.class)
                .hasMessageStartingWith(file + ":3: expected");
        Files.writeString(
                file,
                "{\"id\":\"a\",\"q\":\"x\",\"relevant\":[\"p.html\"]}\n{\"id\":\"b\",\"q\":\"y\",\"relevant\":[]}");
        assertThat(Questions.read(file)).extracting(Question::answerable).containsExactly(true, false);
    }

    @Test
    void aRelevantPageMatchesTheWholeSourceOrItsTrailingPathOnly() {
        Question q = new Question("1", "q", List.of("guide/a.html"));
        assertThat(q.isRelevant("/docs/guide/a.html")).isTrue();
        assertThat(q.isRelevant("guide/a.html")).isTrue();
        assertThat(q.isRelevant("/docs/xguide/a.html")).isFalse();
        assertThat(q.isRelevant("/docs/guide/a.html.bak")).isFalse();
    }
}
