package dev.kiln.rag.eval;

import java.util.List;

/**
 * Retrieval figures over the answerable questions of a set.
 *
 * @param questions how many answerable questions were asked
 * @param recallAt1 mean share of a question's relevant pages found in the top 1
 * @param recallAt5 the same in the top 5
 * @param recallAt10 the same in the top 10
 * @param mrrAt10 mean reciprocal rank of the first relevant page within the top 10
 * @param ndcgAt10 mean normalized discounted cumulative gain at 10 (binary relevance)
 * @param hitAt1 share of questions whose first page is relevant (success@1: with several relevant pages a
 *     question can reach 1 here, while its Recall@1 is at most 1 / the number of relevant pages)
 * @param hitAt5 share of questions with a relevant page in the top 5
 * @param p50Millis median warm search time
 * @param p99Millis 99th-percentile warm search time
 * @param results one result per answerable question
 */
public record EvaluationReport(
        int questions,
        double recallAt1,
        double recallAt5,
        double recallAt10,
        double mrrAt10,
        double ndcgAt10,
        double hitAt1,
        double hitAt5,
        double p50Millis,
        double p99Millis,
        List<QuestionResult> results) {
    /** Copies the list. */
    public EvaluationReport {
        results = List.copyOf(results);
    }
}
