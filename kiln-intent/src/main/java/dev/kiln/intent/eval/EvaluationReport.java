package dev.kiln.intent.eval;

import java.util.List;

/**
 * The result of an evaluation: figures for the development split, the held-out split and both, and the
 * per-case results behind them.
 *
 * @param dev the cases not held out
 * @param heldout the held-out cases
 * @param all every case
 * @param cases one result per case, in input order
 */
public record EvaluationReport(SplitFigures dev, SplitFigures heldout, SplitFigures all, List<CaseResult> cases) {
    /** Copies the list. */
    public EvaluationReport {
        cases = List.copyOf(cases);
    }
}
