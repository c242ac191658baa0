package dev.kiln.rag.search;

import dev.kiln.rag.embed.EmbeddingModel;
import dev.kiln.rag.store.StoreReader;
import java.util.function.Supplier;

/** Builds the retriever for a {@link SearchMode}. */
public final class Retrievers {
    private Retrievers() {}

    /**
     * Returns the retriever of a mode over a store.
     *
     * @param mode the mode
     * @param reader the store
     * @param model supplies the embedding model; called only for dense and hybrid modes
     * @return the retriever
     */
    public static Retriever of(SearchMode mode, StoreReader reader, Supplier<EmbeddingModel> model) {
        return switch (mode) {
            case BM25 -> new LexicalRetriever(reader);
            case DENSE -> new DenseRetriever(reader, model.get());
            case HYBRID -> new HybridRetriever(new LexicalRetriever(reader), new DenseRetriever(reader, model.get()));
        };
    }
}
