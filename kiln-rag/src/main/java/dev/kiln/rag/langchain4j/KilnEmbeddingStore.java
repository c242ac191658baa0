package dev.kiln.rag.langchain4j;

import dev.kiln.rag.KnowledgeBase;
import dev.kiln.rag.embed.EmbeddingModel;
import dev.kiln.rag.search.DenseRetriever;
import dev.kiln.rag.search.SearchHit;
import dev.kiln.rag.search.SearchRequest;
import dev.kiln.rag.store.StoreMetadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingSearchResult;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.embedding.filter.Filter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * A read-only LangChain4j {@link EmbeddingStore} view of a Kiln store, for code written against that
 * interface, such as an {@code EmbeddingStoreContentRetriever}.
 *
 * <p><b>What works:</b> {@link #search(EmbeddingSearchRequest)} runs Kiln's dense search (HNSW) with the
 * request's query embedding, as the principals given here, with the access filter inside the vector search.
 * The embedding must come from the model the store was built with (for stores the CLI builds, all-MiniLM-L6-v2,
 * quantized unless ingest was told otherwise): only its dimension can be checked, and it is normalized to unit
 * length. Kiln returns at most one match per page, its best chunk. A match's score is LangChain4j's relevance score {@code (1 + cosine) / 2}, so
 * {@code minScore} means what it means for LangChain4j's own stores; its {@link TextSegment} has the metadata
 * of {@link KilnContentRetriever}; its embedding id is the chunk's source and anchor ({@code source#anchor}),
 * which locates it but is not a key; its embedding is null, since Kiln does not hand out stored vectors.
 *
 * <p><b>What does not:</b> every {@code add}, {@code addAll} and {@code remove} method throws
 * {@link UnsupportedOperationException}. Kiln's store is written only by ingest, which records for every chunk
 * its file's content hash (so re-ingest can skip, replace or delete it) and its access list; a vector added
 * from outside would have neither, so it could never be kept in step with its file and would have no one
 * allowed to read it. Ingest files with {@link KnowledgeBase#ingest} or {@code kiln rag ingest} instead. A
 * non-null LangChain4j {@link Filter} in a search request is refused as well: Kiln's metadata filters are
 * {@link dev.kiln.rag.search.MetadataFilter}s, which {@link KilnContentRetriever} takes.
 */
public final class KilnEmbeddingStore implements EmbeddingStore<TextSegment> {
    private static final String READ_ONLY = "Kiln's store is written only by ingest, which keeps each chunk's "
            + "file hash and access list; ingest files with KnowledgeBase.ingest or `kiln rag ingest` instead of ";

    private final KnowledgeBase knowledgeBase;
    private final Set<String> principals;

    /**
     * Creates the view.
     *
     * @param knowledgeBase the store; the caller keeps it open while the view is used
     * @param principals who searches; an empty set sees only documents readable by everyone
     */
    public KilnEmbeddingStore(KnowledgeBase knowledgeBase, Set<String> principals) {
        this.knowledgeBase = knowledgeBase;
        this.principals = Set.copyOf(principals);
    }

    /**
     * Finds the chunks nearest to the request's embedding that the principals may read.
     *
     * @param request the query embedding, the number of matches and the minimum relevance score
     * @return at most {@code maxResults} matches from distinct pages, best first, each at least
     *     {@code minScore}
     * @throws IllegalArgumentException if the embedding's dimension differs from the store's
     * @throws UnsupportedOperationException if the request carries a LangChain4j filter
     */
    @Override
    public EmbeddingSearchResult<TextSegment> search(EmbeddingSearchRequest request) {
        if (request.filter() != null) {
            throw new UnsupportedOperationException("KilnEmbeddingStore does not translate LangChain4j filters ("
                    + request.filter() + "); use KilnContentRetriever with a dev.kiln.rag.search.MetadataFilter");
        }
        StoreMetadata store = knowledgeBase.reader().metadata();
        float[] vector = request.queryEmbedding().vector();
        if (vector.length != store.dimension()) {
            throw new IllegalArgumentException("the query embedding has " + vector.length
                    + " dimensions but the store was built with " + store.embeddingModel() + " ("
                    + store.dimension() + " dimensions); embed queries with the store's model");
        }
        float[] unit = unit(vector);
        DenseRetriever dense = new DenseRetriever(knowledgeBase.reader(), new GivenVector(store, unit));
        // The dense retriever embeds the query text with the model it is given, here the given vector; the
        // text only has to be non-blank.
        List<SearchHit> hits = dense.search(SearchRequest.of("query embedding", principals, request.maxResults()));
        List<EmbeddingMatch<TextSegment>> matches = new ArrayList<>();
        for (SearchHit hit : hits) {
            double relevance = (1 + hit.score()) / 2;
            if (relevance >= request.minScore()) {
                String id = hit.anchor().isEmpty() ? hit.source() : hit.source() + "#" + hit.anchor();
                matches.add(new EmbeddingMatch<>(relevance, id, null, KilnContentRetriever.segment(hit)));
            }
        }
        return new EmbeddingSearchResult<>(matches);
    }

    @Override
    public String add(Embedding embedding) {
        throw new UnsupportedOperationException(READ_ONLY + "add(Embedding)");
    }

    @Override
    public void add(String id, Embedding embedding) {
        throw new UnsupportedOperationException(READ_ONLY + "add(String, Embedding)");
    }

    @Override
    public String add(Embedding embedding, TextSegment textSegment) {
        throw new UnsupportedOperationException(READ_ONLY + "add(Embedding, TextSegment)");
    }

    @Override
    public List<String> addAll(List<Embedding> embeddings) {
        throw new UnsupportedOperationException(READ_ONLY + "addAll(List)");
    }

    @Override
    public List<String> addAll(List<Embedding> embeddings, List<TextSegment> embedded) {
        throw new UnsupportedOperationException(READ_ONLY + "addAll(List, List)");
    }

    @Override
    public void addAll(List<String> ids, List<Embedding> embeddings, List<TextSegment> embedded) {
        throw new UnsupportedOperationException(READ_ONLY + "addAll(List, List, List)");
    }

    @Override
    public void remove(String id) {
        throw new UnsupportedOperationException(READ_ONLY + "remove(String); delete the file and re-ingest");
    }

    @Override
    public void removeAll(Collection<String> ids) {
        throw new UnsupportedOperationException(READ_ONLY + "removeAll(Collection); delete the files and re-ingest");
    }

    @Override
    public void removeAll(Filter filter) {
        throw new UnsupportedOperationException(READ_ONLY + "removeAll(Filter); delete the files and re-ingest");
    }

    @Override
    public void removeAll() {
        throw new UnsupportedOperationException(READ_ONLY + "removeAll(); delete the store directory instead");
    }

    private static float[] unit(float[] vector) {
        double norm = 0;
        for (float x : vector) {
            norm += x * x;
        }
        if (norm == 0 || !Double.isFinite(norm)) {
            throw new IllegalArgumentException("the query embedding must be a finite, non-zero vector");
        }
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / Math.sqrt(norm));
        }
        return unit;
    }

    /** An embedding model that answers every text with the caller's vector, under the store's model name. */
    private static final class GivenVector implements EmbeddingModel {
        private final StoreMetadata store;
        private final float[] vector;

        GivenVector(StoreMetadata store, float[] vector) {
            this.store = store;
            this.vector = vector;
        }

        @Override
        public String name() {
            return store.embeddingModel();
        }

        @Override
        public int dimension() {
            return store.dimension();
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            return texts.stream().map(text -> vector.clone()).toList();
        }
    }
}
