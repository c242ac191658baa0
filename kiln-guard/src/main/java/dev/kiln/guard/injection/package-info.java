/**
 * Prompt-injection and jailbreak detection in layers: {@link dev.kiln.guard.injection.TextNormalizer} undoes
 * obfuscation (confusable letters, NFKC, zero-width characters, leetspeak, base64, rot13, text hidden in
 * HTML or Markdown comments); {@link dev.kiln.guard.injection.LexicalFeatures} turns each view of the text
 * into hashed word and character n-grams plus hand-written phrase rules; a {@link dev.kiln.guard.injection.LinearModel}
 * trained by Kiln's own code on public data scores them. {@link dev.kiln.guard.injection.InjectionGuardrail}
 * reports the highest-scoring window of a text.
 */
@NullMarked
package dev.kiln.guard.injection;

import org.jspecify.annotations.NullMarked;
