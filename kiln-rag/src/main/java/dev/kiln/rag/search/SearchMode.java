package dev.kiln.rag.search;

import java.util.Locale;

/** How to rank: by words, by meaning, or both fused. */
public enum SearchMode {
    /** BM25 over title, section and text. */
    BM25,
    /** Nearest neighbours of the query's embedding (HNSW). */
    DENSE,
    /** Reciprocal-rank fusion of BM25 and dense. */
    HYBRID;

    /**
     * Returns the name used on the command line and in JSON.
     *
     * @return {@code bm25}, {@code dense} or {@code hybrid}
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
