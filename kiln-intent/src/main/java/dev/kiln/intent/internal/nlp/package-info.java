/**
 * English analysis on Apache OpenNLP: sentence detection, tokenization, part-of-speech tags and lemmas,
 * with models loaded once from the Maven Central model jars on the class path.
 *
 * <p>Internal to kiln-intent: other modules must not import it.
 */
@NullMarked
package dev.kiln.intent.internal.nlp;

import org.jspecify.annotations.NullMarked;
