package dev.kiln.guard.injection;

import java.util.List;

/**
 * How an {@link InjectionGuardrail} judged a text.
 *
 * @param detected whether the score reached the threshold
 * @param score the highest probability over the text's windows and views, from 0 to 1
 * @param start the start offset of the highest-scoring window
 * @param end the end offset of the highest-scoring window
 * @param rules the phrase rules that fired in that window, for explanations
 */
public record InjectionAssessment(boolean detected, double score, int start, int end, List<String> rules) {
    /** Copies the rules. */
    public InjectionAssessment {
        rules = List.copyOf(rules);
    }
}
