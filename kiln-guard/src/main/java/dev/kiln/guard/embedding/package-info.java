/**
 * Sentence embeddings for injection detection: the {@link dev.kiln.guard.embedding.SentenceEncoder} role
 * and two in-process encoders run through ONNX Runtime from LangChain4j's model jars (no network, no GPU):
 * all-MiniLM-L6-v2 for the cascade's second layer and bge-small-en-v1.5 (quantised) for the indirect
 * scanner.
 */
@NullMarked
package dev.kiln.guard.embedding;

import org.jspecify.annotations.NullMarked;
