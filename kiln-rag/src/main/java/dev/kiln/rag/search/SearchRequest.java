package dev.kiln.rag.search;

import java.util.Set;

/**
 * One search.
 *
 * @param query what the user asked, in their words
 * @param principals who is searching: a user name and the groups they belong to; documents readable by
 *     everyone are always included, so an empty set sees only those
 * @param topK how many hits to return, at least 1
 * @param filter metadata restrictions
 */
public record SearchRequest(String query, Set<String> principals, int topK, MetadataFilter filter) {
    /** Checks and copies the arguments. */
    public SearchRequest {
        if (topK < 1) {
            throw new IllegalArgumentException("top-k must be at least 1, was " + topK);
        }
        principals = Set.copyOf(principals);
    }

    /**
     * Creates an unfiltered request.
     *
     * @param query the query
     * @param principals who is searching
     * @param topK how many hits
     * @return the request
     */
    public static SearchRequest of(String query, Set<String> principals, int topK) {
        return new SearchRequest(query, principals, topK, MetadataFilter.NONE);
    }
}
