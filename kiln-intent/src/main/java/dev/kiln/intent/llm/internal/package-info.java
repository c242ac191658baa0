/**
 * How {@link dev.kiln.intent.llm.LlmIntentParser} works inside: the prompts, the extraction of JSON from a reply,
 * the repair loop and the reconciliation with the baseline parser. The bounded HTTP transport and the wording of
 * server failures come from kiln-llm ({@code dev.kiln.llm}).
 *
 * <p>Nothing outside {@code dev.kiln.intent.llm} may use these types; they change without notice.
 */
@NullMarked
package dev.kiln.intent.llm.internal;

import org.jspecify.annotations.NullMarked;
