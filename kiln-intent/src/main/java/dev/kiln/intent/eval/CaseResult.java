package dev.kiln.intent.eval;

import java.util.List;

/**
 * How a parser did on one case.
 *
 * @param id the case id
 * @param heldout whether the case is held out
 * @param entities entity score
 * @param fieldsFound explicitly named fields found
 * @param fieldsExpected explicitly named fields expected
 * @param relations relation score
 * @param features feature score
 * @param latencyNanos time of the measured (warm) parse
 * @param misses each wrong answer, in words, for reading rather than for asserting
 */
public record CaseResult(
        String id,
        boolean heldout,
        Score entities,
        int fieldsFound,
        int fieldsExpected,
        Score relations,
        Score features,
        long latencyNanos,
        List<String> misses) {
    /** Copies the list. */
    public CaseResult {
        misses = List.copyOf(misses);
    }
}
