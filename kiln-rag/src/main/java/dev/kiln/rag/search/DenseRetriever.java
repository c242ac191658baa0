package dev.kiln.rag.search;

import dev.kiln.rag.StoreException;
import dev.kiln.rag.embed.EmbeddingModel;
import dev.kiln.rag.store.StoreReader;
import dev.kiln.rag.store.StoreSchema;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.util.VectorUtil;

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
        return candidates(request, model.embed(request.query()), n).stream()
                .map(ChunkSearch.Candidate::hit)
                .toList();
    }

    /** Embeds a query with the store's model. */
    float[] embed(String query) {
        return model.embed(query);
    }

    /**
     * Ranks chunks by their similarity to an embedded query.
     *
     * @param request the search (its filter applies inside the graph search)
     * @param vector the query's embedding
     * @param n how many chunks at most
     * @return chunks best first, scored by cosine similarity
     */
    List<ChunkSearch.Candidate> candidates(SearchRequest request, float[] vector, int n) {
        KnnFloatVectorQuery query = new KnnFloatVectorQuery(StoreSchema.VECTOR, vector, n, ChunkSearch.filter(request));
        // Lucene scores a dot product d of unit vectors as (1 + d) / 2; report the cosine itself.
        return ChunkSearch.candidates(reader, query, n, score -> 2 * score - 1);
    }

    /**
     * Computes the exact cosine similarity of an embedded query to given chunks, reading their stored
     * vectors (for chunks another retriever found, so both scores are known for every candidate).
     *
     * @param vector the query's unit-length embedding
     * @param docs Lucene document ids of chunks in the reader's searcher
     * @return the cosine of each chunk, in the order given; 0 for a document without a vector
     */
    double[] cosines(float[] vector, int[] docs) {
        float[][] vectors = vectors(docs);
        double[] cosines = new double[docs.length];
        for (int i = 0; i < docs.length; i++) {
            cosines[i] = dot(vector, vectors[i]);
        }
        return cosines;
    }

    /**
     * Reads the stored vectors of chunks.
     *
     * @param docs Lucene document ids of chunks in the reader's searcher
     * @return each chunk's vector in the order given; an empty array for a document without one
     */
    float[][] vectors(int[] docs) {
        float[][] vectors = new float[docs.length][];
        List<LeafReaderContext> leaves = reader.searcher().getIndexReader().leaves();
        Integer[] order = new Integer[docs.length];
        for (int i = 0; i < docs.length; i++) {
            order[i] = i;
            vectors[i] = new float[0];
        }
        Arrays.sort(order, Comparator.comparingInt(i -> docs[i]));
        try {
            int current = -1;
            FloatVectorValues values = null;
            KnnVectorValues.DocIndexIterator iterator = null;
            for (int i : order) {
                int leaf = ReaderUtil.subIndex(docs[i], leaves);
                LeafReaderContext context = leaves.get(leaf);
                if (leaf != current) {
                    current = leaf;
                    values = context.reader().getFloatVectorValues(StoreSchema.VECTOR);
                    iterator = values == null ? null : values.iterator();
                }
                if (values == null || iterator == null) {
                    continue;
                }
                int target = docs[i] - context.docBase;
                int at = iterator.docID() >= target ? iterator.docID() : iterator.advance(target);
                if (at == target) {
                    vectors[i] = values.vectorValue(iterator.index()).clone();
                }
            }
        } catch (IOException e) {
            throw reader.failure(e);
        }
        return vectors;
    }

    /** The dot product of two vectors, 0 when either is missing (empty). */
    static double dot(float[] a, float[] b) {
        return a.length == 0 || a.length != b.length ? 0 : VectorUtil.dotProduct(a, b);
    }
}
