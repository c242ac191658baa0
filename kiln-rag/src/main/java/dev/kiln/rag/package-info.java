/**
 * Retrieval over private documents: {@link dev.kiln.rag.KnowledgeBase} ingests files into a persistent
 * store and searches it as a principal.
 *
 * <p>The parts are usable on their own: {@code document} parses files, {@code chunk} splits them by
 * structure, {@code embed} turns text into vectors, {@code store} keeps chunks in Lucene, {@code search}
 * retrieves with BM25, vectors or both, {@code ingest} drives a whole ingest incrementally, and
 * {@code langchain4j} hands retrieval to LangChain4j applications.
 */
@NullMarked
package dev.kiln.rag;

import org.jspecify.annotations.NullMarked;
