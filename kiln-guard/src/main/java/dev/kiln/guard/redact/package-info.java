/**
 * Replacing findings in a text: {@link dev.kiln.guard.redact.Redactor#mask()} hides a value for good, a
 * {@link dev.kiln.guard.redact.Redactor#placeholders(Vault)} redactor swaps it for a typed placeholder such
 * as {@code <EMAIL_1>} that a {@link dev.kiln.guard.redact.Vault} can restore in the model's response.
 */
@NullMarked
package dev.kiln.guard.redact;

import org.jspecify.annotations.NullMarked;
