/**
 * Measures an {@link dev.kiln.intent.IntentParser} against a labelled set of prompts: entity, field,
 * relation and feature scores, and warm latency, on a development and a held-out split.
 *
 * <p>Library code: it returns figures and never prints.
 */
@NullMarked
package dev.kiln.intent.eval;

import org.jspecify.annotations.NullMarked;
