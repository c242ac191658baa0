/**
 * Retrieval over private documents: {@link dev.kiln.rag.KnowledgeBase} ingests files into a persistent
 * store and searches it as a principal.
 *
 * <p>The parts are usable on their own: {@code document} parses files, {@code chunk} splits them by
 * structure, {@code embed} turns text into vectors, {@code store} keeps chunks in Lucene, {@code search}
 * retrieves with BM25, vectors or both, and {@code ingest} drives a whole ingest incrementally.
 */
@NullMarked
package dev.kiln.rag;

import org.jspecify.annotations.NullMarked;
