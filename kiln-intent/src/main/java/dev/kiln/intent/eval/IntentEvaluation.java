package dev.kiln.intent.eval;

import dev.kiln.intent.IntentParser;
import dev.kiln.intent.UnclearPromptException;
import dev.kiln.spec.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Runs a parser over labelled prompts and returns its figures: entity precision, recall and F1
 * (synonyms accepted), recall of explicitly named fields, relation and feature precision, recall and F1,
 * and warm latency percentiles, for the development split, the held-out split and both.
 *
 * <p>Every prompt is parsed twice: once to warm up, once measured and scored. A prompt the parser
 * rejects as unclear scores as an empty spec.
 */
public final class IntentEvaluation {
    private final IntentParser parser;
    private final LongSupplier nanoTime;

    /**
     * Creates an evaluation with the system clock.
     *
     * @param parser the parser under test
     */
    public IntentEvaluation(IntentParser parser) {
        this(parser, System::nanoTime);
    }

    /**
     * Creates an evaluation with a given clock, for deterministic tests of the harness itself.
     *
     * @param parser the parser under test
     * @param nanoTime a monotonic clock in nanoseconds
     */
    public IntentEvaluation(IntentParser parser, LongSupplier nanoTime) {
        this.parser = parser;
        this.nanoTime = nanoTime;
    }

    /**
     * Evaluates the parser.
     *
     * @param cases the labelled prompts
     * @return the figures
     */
    public EvaluationReport evaluate(List<EvaluationCase> cases) {
        cases.forEach(c -> parse(c.prompt()));
        List<CaseResult> results = new ArrayList<>();
        for (EvaluationCase c : cases) {
            long start = nanoTime.getAsLong();
            Optional<ServiceSpec> spec = parse(c.prompt());
            long nanos = nanoTime.getAsLong() - start;
            results.add(CaseScorer.score(c, spec, nanos));
        }
        return new EvaluationReport(
                figures(results, r -> !r.heldout()),
                figures(results, CaseResult::heldout),
                figures(results, r -> true),
                results);
    }

    private Optional<ServiceSpec> parse(String prompt) {
        try {
            return Optional.of(parser.parse(prompt).spec());
        } catch (UnclearPromptException e) {
            return Optional.empty();
        }
    }

    private static SplitFigures figures(List<CaseResult> results, Predicate<CaseResult> split) {
        List<CaseResult> chosen = results.stream().filter(split).toList();
        Score entities = Score.ZERO;
        Score relations = Score.ZERO;
        Score features = Score.ZERO;
        int found = 0;
        int expected = 0;
        for (CaseResult r : chosen) {
            entities = entities.plus(r.entities());
            relations = relations.plus(r.relations());
            features = features.plus(r.features());
            found += r.fieldsFound();
            expected += r.fieldsExpected();
        }
        long[] latencies =
                chosen.stream().mapToLong(CaseResult::latencyNanos).sorted().toArray();
        double fieldRecall = expected == 0 ? 1 : (double) found / expected;
        return new SplitFigures(
                chosen.size(),
                entities,
                fieldRecall,
                relations,
                features,
                percentile(latencies, 50),
                percentile(latencies, 90));
    }

    /** Nearest-rank percentile; 0 for no values. */
    static long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
