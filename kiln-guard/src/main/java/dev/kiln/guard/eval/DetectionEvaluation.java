package dev.kiln.guard.eval;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Scores a detector on labelled prompts: per category and per source, detection rate (recall), false-positive
 * rate, precision and F1, plus the pooled figures.
 *
 * @param byCategory the score per category
 * @param bySource the score per source
 * @param pooled the score over everything
 */
public record DetectionEvaluation(Map<String, Score> byCategory, Map<String, Score> bySource, Score pooled) {
    /** Copies the maps, sorted by key. */
    public DetectionEvaluation {
        byCategory = Collections.unmodifiableMap(new TreeMap<>(byCategory));
        bySource = Collections.unmodifiableMap(new TreeMap<>(bySource));
    }

    /**
     * Runs a detector over prompts.
     *
     * @param prompts the labelled prompts
     * @param detector says whether a text is an injection
     * @return the evaluation
     */
    public static DetectionEvaluation of(List<LabelledPrompt> prompts, Predicate<String> detector) {
        Map<String, Score> byCategory = new TreeMap<>();
        Map<String, Score> bySource = new TreeMap<>();
        Score pooled = Score.ZERO;
        for (LabelledPrompt p : prompts) {
            boolean flagged = detector.test(p.text());
            Score s = p.injection()
                    ? (flagged ? new Score(1, 0, 0, 0) : new Score(0, 0, 1, 0))
                    : (flagged ? new Score(0, 1, 0, 0) : new Score(0, 0, 0, 1));
            byCategory.merge(p.category(), s, Score::plus);
            bySource.merge(p.source(), s, Score::plus);
            pooled = pooled.plus(s);
        }
        return new DetectionEvaluation(new TreeMap<>(byCategory), new TreeMap<>(bySource), pooled);
    }
}
