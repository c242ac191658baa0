package dev.kiln.rag.search;

import java.util.List;

/**
 * Finds the chunks that best answer a query, at most one per page, among those the searcher may read.
 *
 * <p>{@link Retrievers#of(SearchMode, dev.kiln.rag.store.StoreReader, java.util.function.Supplier)}
 * returns the implementation for a mode.
 */
public interface Retriever {
    /**
     * Searches.
     *
     * @param request the query, principals, size and filter
     * @return at most {@code topK} hits, best first, from distinct pages
     */
    List<SearchHit> search(SearchRequest request);
}
