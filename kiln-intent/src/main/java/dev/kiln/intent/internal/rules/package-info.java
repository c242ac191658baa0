/**
 * The rules of the offline intent parser: clauses, verb anchors, statements, and the entities, fields,
 * relations and features read from them.
 *
 * <p>Internal to kiln-intent: other modules must not import it. The entry point is
 * {@link dev.kiln.intent.RuleBasedIntentParser}.
 */
@NullMarked
package dev.kiln.intent.internal.rules;

import org.jspecify.annotations.NullMarked;
