package dev.kiln.intent.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.intent.RuleBasedIntentParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The quality targets of issue #4 for the rule-based parser, measured on the shipped evaluation set.
 *
 * <p>Every split must meet the targets. The held-out split (n01 to n30) was written and labelled before
 * any tuning for it; its first, untuned figures are in the README. Its failures then showed classes of
 * phrasing that general rules now cover, so it guards against regressions like the rest and is no longer
 * a measure of unseen prompts. Latency is reported by {@link IntentEvaluation} but never asserted here:
 * it depends on the machine.
 */
class EvaluationTargetsTests {
    private static EvaluationReport report;

    @BeforeAll
    static void evaluate() {
        report = new IntentEvaluation(new RuleBasedIntentParser()).evaluate(EvaluationCases.standard());
    }

    @Test
    void theDevelopmentSplitMeetsTheTargets() {
        meetsTargets(report.dev());
    }

    @Test
    void theWholeSetMeetsTheTargets() {
        meetsTargets(report.all());
    }

    @Test
    void theHeldOutSplitMeetsTheTargets() {
        assertThat(report.heldout().prompts()).isGreaterThanOrEqualTo(30);
        meetsTargets(report.heldout());
    }

    private static void meetsTargets(SplitFigures figures) {
        assertThat(figures.entities().f1()).as("entity F1").isGreaterThanOrEqualTo(0.95);
        assertThat(figures.fieldRecall()).as("named-field recall").isGreaterThanOrEqualTo(0.90);
        assertThat(figures.relations().f1()).as("relation F1").isGreaterThanOrEqualTo(0.90);
        assertThat(figures.features().f1()).as("feature F1").isGreaterThanOrEqualTo(0.95);
    }
}
