/**
 * Text to vectors: the {@link dev.kiln.rag.embed.EmbeddingModel} role, the in-process MiniLM model and an
 * adapter for any LangChain4j model (remote ones included).
 */
@NullMarked
package dev.kiln.rag.embed;

import org.jspecify.annotations.NullMarked;
