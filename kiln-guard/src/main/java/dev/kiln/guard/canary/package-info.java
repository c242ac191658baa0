/**
 * Canary tokens: a random marker placed in a system prompt by {@link dev.kiln.guard.canary.CanaryGuardrail},
 * whose appearance in a model's output, plain or disguised, shows that the prompt leaked.
 */
@NullMarked
package dev.kiln.guard.canary;

import org.jspecify.annotations.NullMarked;
