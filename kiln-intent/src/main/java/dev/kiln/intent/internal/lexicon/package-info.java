/**
 * The backend vocabulary of the rule-based parser, loaded from {@code lexicon.yaml}: entity nouns,
 * relation verbs, field-type rules, feature cues, service presets and injection patterns.
 *
 * <p>Internal to kiln-intent: other modules must not import it.
 */
@NullMarked
package dev.kiln.intent.internal.lexicon;

import org.jspecify.annotations.NullMarked;
