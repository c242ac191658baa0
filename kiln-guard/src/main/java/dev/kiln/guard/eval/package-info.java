/**
 * Measuring the guardrails: labelled span sets for PII and secrets ({@link dev.kiln.guard.eval.SpanEvaluation},
 * precision, recall and F1 per type) and labelled injection sets ({@link dev.kiln.guard.eval.DetectionEvaluation},
 * detection and false-positive rates per category and per source).
 */
@NullMarked
package dev.kiln.guard.eval;

import org.jspecify.annotations.NullMarked;
