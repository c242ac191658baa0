package dev.kiln.rag.eval;

import dev.kiln.rag.search.Retriever;
import dev.kiln.rag.search.SearchHit;
import dev.kiln.rag.search.SearchRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs a question set through a retriever and computes Recall@1/5/10, MRR@10 and nDCG@10 over the
 * answerable questions, and warm latency: every question is asked once untimed, then once timed.
 */
public final class RetrievalEvaluation {
    private static final int DEPTH = 10;

    private final Set<String> principals;

    /**
     * Creates an evaluation that searches as the given principals.
     *
     * @param principals who searches; usually everyone who may read the evaluated documents
     */
    public RetrievalEvaluation(Set<String> principals) {
        this.principals = Set.copyOf(principals);
    }

    /**
     * Evaluates a retriever.
     *
     * @param retriever the retriever
     * @param questions the question set; unanswerable questions are skipped here
     * @return the figures
     */
    public EvaluationReport evaluate(Retriever retriever, List<Question> questions) {
        List<Question> answerable =
                questions.stream().filter(Question::answerable).toList();
        answerable.forEach(q -> retriever.search(SearchRequest.of(q.query(), principals, DEPTH)));
        List<QuestionResult> results = new ArrayList<>();
        for (Question question : answerable) {
            long start = System.nanoTime();
            List<SearchHit> hits = retriever.search(SearchRequest.of(question.query(), principals, DEPTH));
            long nanos = System.nanoTime() - start;
            List<String> sources = hits.stream().map(SearchHit::source).toList();
            results.add(new QuestionResult(question, sources, firstRelevant(question, sources), nanos));
        }
        return report(results);
    }

    private static int firstRelevant(Question question, List<String> sources) {
        for (int i = 0; i < sources.size(); i++) {
            if (question.isRelevant(sources.get(i))) {
                return i + 1;
            }
        }
        return 0;
    }

    static EvaluationReport report(List<QuestionResult> results) {
        int n = Math.max(1, results.size());
        double r1 = 0;
        double r5 = 0;
        double r10 = 0;
        double mrr = 0;
        double ndcg = 0;
        double hit1 = 0;
        double hit5 = 0;
        for (QuestionResult result : results) {
            int rank = result.firstRelevantRank();
            hit1 += rank == 1 ? 1 : 0;
            hit5 += rank >= 1 && rank <= 5 ? 1 : 0;
            r1 += recall(result, 1);
            r5 += recall(result, 5);
            r10 += recall(result, 10);
            mrr += result.firstRelevantRank() > 0 ? 1.0 / result.firstRelevantRank() : 0;
            ndcg += ndcg(result);
        }
        double[] millis =
                results.stream().mapToDouble(r -> r.nanos() / 1e6).sorted().toArray();
        return new EvaluationReport(
                results.size(),
                r1 / n,
                r5 / n,
                r10 / n,
                mrr / n,
                ndcg / n,
                hit1 / n,
                hit5 / n,
                percentile(millis, 50),
                percentile(millis, 99),
                results);
    }

    private static double recall(QuestionResult result, int k) {
        long found = result.retrieved().stream()
                .limit(k)
                .filter(s -> result.question().isRelevant(s))
                .count();
        return (double) found / result.question().relevant().size();
    }

    private static double ndcg(QuestionResult result) {
        double dcg = 0;
        List<String> top =
                result.retrieved().subList(0, Math.min(DEPTH, result.retrieved().size()));
        for (int i = 0; i < top.size(); i++) {
            if (result.question().isRelevant(top.get(i))) {
                dcg += 1 / log2(i + 2);
            }
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(DEPTH, result.question().relevant().size()); i++) {
            ideal += 1 / log2(i + 2);
        }
        return dcg / ideal;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
