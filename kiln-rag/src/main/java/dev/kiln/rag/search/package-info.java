/**
 * Retrieval: BM25 ({@link dev.kiln.rag.search.LexicalRetriever}), dense vectors
 * ({@link dev.kiln.rag.search.DenseRetriever}) and their fusion ({@link dev.kiln.rag.search.HybridRetriever}).
 *
 * <p>Every search runs as a set of principals, and the access filter is part of the Lucene query itself
 * (a filter clause of the BM25 query, the pre-filter of the vector search), so a document the searcher
 * may not read is never a candidate, and top-k is filled from readable documents only.
 */
@NullMarked
package dev.kiln.rag.search;

import org.jspecify.annotations.NullMarked;
