/**
 * LangChain4j adapters, so an existing LangChain4j application can use Kiln's retrieval:
 * {@link dev.kiln.rag.langchain4j.KilnContentRetriever} is a {@code ContentRetriever} over BM25, dense or
 * hybrid search as a principal, for a {@code DefaultRetrievalAugmentor} or an AI service;
 * {@link dev.kiln.rag.langchain4j.KilnEmbeddingStore} is a read-only {@code EmbeddingStore} view for code
 * written against that interface (an {@code EmbeddingStoreContentRetriever}, for example).
 *
 * <p>Both search as fixed principals (or principals derived from each query), with the access filter
 * applied inside the search as everywhere in Kiln. The store itself is written only by ingest.
 */
@NullMarked
package dev.kiln.rag.langchain4j;

import org.jspecify.annotations.NullMarked;
