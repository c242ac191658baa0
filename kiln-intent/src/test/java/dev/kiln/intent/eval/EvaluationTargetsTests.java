package dev.kiln.intent.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.intent.RuleBasedIntentParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The quality targets of issue #4 for the rule-based parser, measured on the shipped evaluation set.
 *
 * <p>The development split and the whole set must meet the targets. The held-out split was never tuned
 * on; it falls short of some targets, so only a floor guards it against regressions (see the figures in
 * the commit that added it). Latency is reported by {@link IntentEvaluation} but never asserted here:
 * wall-clock time depends on the machine.
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
    void theHeldOutSplitStaysAboveItsFloor() {
        SplitFigures heldout = report.heldout();
        assertThat(heldout.prompts()).isGreaterThanOrEqualTo(20);
        assertThat(heldout.entities().f1()).as("held-out entity F1").isGreaterThanOrEqualTo(0.90);
        assertThat(heldout.fieldRecall()).as("held-out named-field recall").isGreaterThanOrEqualTo(0.80);
        assertThat(heldout.relations().f1()).as("held-out relation F1").isGreaterThanOrEqualTo(0.80);
        assertThat(heldout.features().f1()).as("held-out feature F1").isGreaterThanOrEqualTo(0.95);
    }

    private static void meetsTargets(SplitFigures figures) {
        assertThat(figures.entities().f1()).as("entity F1").isGreaterThanOrEqualTo(0.95);
        assertThat(figures.fieldRecall()).as("named-field recall").isGreaterThanOrEqualTo(0.90);
        assertThat(figures.relations().f1()).as("relation F1").isGreaterThanOrEqualTo(0.90);
        assertThat(figures.features().f1()).as("feature F1").isGreaterThanOrEqualTo(0.95);
    }
}
