/**
 * Prompt to spec: an {@link dev.kiln.intent.IntentParser} turns a plain-English description of a service
 * into a {@link dev.kiln.spec.ServiceSpec} with an explanation of where each part came from.
 */
@NullMarked
package dev.kiln.intent;

import org.jspecify.annotations.NullMarked;
