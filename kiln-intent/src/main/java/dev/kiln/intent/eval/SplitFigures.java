package dev.kiln.intent.eval;

/**
 * The figures of one split of the evaluation set.
 *
 * @param prompts how many cases the split holds
 * @param entities entity score, summed over the cases (synonyms accepted)
 * @param fieldRecall share of explicitly named fields found
 * @param relations relation score (unordered pair plus kind)
 * @param features feature score
 * @param p50Nanos median warm parse time
 * @param p90Nanos 90th percentile warm parse time
 */
public record SplitFigures(
        int prompts,
        Score entities,
        double fieldRecall,
        Score relations,
        Score features,
        long p50Nanos,
        long p90Nanos) {}
