/**
 * Sentence embeddings for the second layer of injection detection: the {@link
 * dev.kiln.guard.embedding.SentenceEncoder} role and the in-process all-MiniLM-L6-v2 encoder, run through ONNX
 * Runtime from LangChain4j's model jar (no network, no GPU).
 */
@NullMarked
package dev.kiln.guard.embedding;

import org.jspecify.annotations.NullMarked;
