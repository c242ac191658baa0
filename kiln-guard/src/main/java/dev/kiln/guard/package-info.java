/**
 * Guardrails for text that goes into and comes out of a language model: a {@link dev.kiln.guard.Guardrail}
 * finds something in a text (an injection attempt, personal data, a secret) and reports it as a
 * {@link dev.kiln.guard.Finding} with character offsets; a {@link dev.kiln.guard.GuardPipeline} runs
 * guardrails on input and on output and turns findings into one {@link dev.kiln.guard.Action} through a
 * {@link dev.kiln.guard.Policy}.
 */
@NullMarked
package dev.kiln.guard;

import org.jspecify.annotations.NullMarked;
