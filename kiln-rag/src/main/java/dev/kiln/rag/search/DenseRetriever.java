package dev.kiln.rag.search;

import dev.kiln.rag.StoreException;
import dev.kiln.rag.embed.EmbeddingModel;
import dev.kiln.rag.store.StoreReader;
import dev.kiln.rag.store.StoreSchema;
import java.util.List;
import org.apache.lucene.search.KnnFloatVectorQuery;

/**
 * Nearest neighbours of the query's embedding in the HNSW graph, with the access and metadata filter
 * given to the vector search itself (Lucene explores the graph only through readable chunks, or scans
 * them exactly when they are few).
 */
public final class DenseRetriever implements Retriever {
    private final StoreReader reader;
    private final EmbeddingModel model;

    /**
     * Creates a retriever.
     *
     * @param reader the store
     * @param model the model the store's vectors came from
     * @throws StoreException when the store was built with another model
     */
    public DenseRetriever(StoreReader reader, EmbeddingModel model) {
        if (!reader.metadata().embeddingModel().equals(model.name())
                || reader.metadata().dimension() != model.dimension()) {
            throw new StoreException("the store at " + reader.directory() + " was built with the embedding model "
                    + reader.metadata().embeddingModel() + ", so it cannot be searched with " + model.name());
        }
        this.reader = reader;
        this.model = model;
    }

    @Override
    public List<SearchHit> search(SearchRequest request) {
        return ChunkSearch.onePerPage(chunks(request, ChunkSearch.candidateChunks(request.topK())), request.topK());
    }

    /**
     * Ranks chunks, several per page allowed.
     *
     * @param request the search
     * @param n how many chunks at most
     * @return chunks best first, scored by cosine similarity
     */
    List<SearchHit> chunks(SearchRequest request, int n) {
        if (request.query().isBlank()) {
            return List.of();
        }
        float[] vector = model.embed(request.query());
        KnnFloatVectorQuery query = new KnnFloatVectorQuery(StoreSchema.VECTOR, vector, n, ChunkSearch.filter(request));
        // Lucene scores a dot product d of unit vectors as (1 + d) / 2; report the cosine itself.
        return ChunkSearch.run(reader, query, n, score -> 2 * score - 1);
    }
}
