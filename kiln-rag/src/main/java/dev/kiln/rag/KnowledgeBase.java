package dev.kiln.rag;

import dev.kiln.rag.chunk.StructureAwareChunker;
import dev.kiln.rag.embed.EmbeddingModel;
import dev.kiln.rag.ingest.IngestListener;
import dev.kiln.rag.ingest.IngestOptions;
import dev.kiln.rag.ingest.IngestReport;
import dev.kiln.rag.ingest.Ingestor;
import dev.kiln.rag.search.Retriever;
import dev.kiln.rag.search.Retrievers;
import dev.kiln.rag.search.SearchHit;
import dev.kiln.rag.search.SearchMode;
import dev.kiln.rag.search.SearchRequest;
import dev.kiln.rag.store.StoreReader;
import dev.kiln.rag.store.StoreWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A store of documents to search: the entry point of kiln-rag.
 *
 * <p>{@link #ingest} brings a store directory up to date with files; {@link #open} opens it for
 * searching as a principal. The parts ({@link Ingestor}, {@link StoreReader}, the retrievers) can be
 * used directly for finer control.
 *
 * <pre>{@code
 * try (var model = new MiniLmEmbeddingModel()) {
 *     KnowledgeBase.ingest(store, List.of(Path.of("docs")), IngestOptions.DEFAULTS, model, IngestListener.NONE);
 *     try (KnowledgeBase kb = KnowledgeBase.open(store, model)) {
 *         List<SearchHit> hits = kb.search(SearchMode.HYBRID, SearchRequest.of("reset a password", Set.of("alice"), 5));
 *     }
 * }
 * }</pre>
 */
public final class KnowledgeBase implements AutoCloseable {
    private final StoreReader reader;
    private final EmbeddingModel model;
    private final Map<SearchMode, Retriever> retrievers = new EnumMap<>(SearchMode.class);

    private KnowledgeBase(StoreReader reader, EmbeddingModel model) {
        this.reader = reader;
        this.model = model;
    }

    /**
     * Ingests files and directories into a store, creating it if needed, and commits.
     *
     * @param store the store directory; new, empty, or a store built with the same model
     * @param paths files and directories to ingest; sources are recorded as given
     * @param options access list, size limit, commit interval
     * @param model the embedding model
     * @param listener hears progress
     * @return what was done
     * @throws StoreException when the store cannot be opened for writing
     * @throws RagException when a path does not exist
     */
    public static IngestReport ingest(
            Path store, List<Path> paths, IngestOptions options, EmbeddingModel model, IngestListener listener) {
        try (StoreWriter writer = StoreWriter.open(store, model.name(), model.dimension())) {
            return new Ingestor(model, new StructureAwareChunker()).ingest(writer, paths, options, listener);
        }
    }

    /**
     * Opens a store for searching.
     *
     * @param store the store directory
     * @param model the model the store was built with; loaded only for dense and hybrid searches
     * @return the knowledge base
     * @throws StoreException when there is no store there or it is damaged
     */
    public static KnowledgeBase open(Path store, EmbeddingModel model) {
        return new KnowledgeBase(StoreReader.open(store), model);
    }

    /**
     * Searches as the request's principals.
     *
     * @param mode how to rank
     * @param request the query, principals, size and filter
     * @return the hits, best first, one per page
     */
    public List<SearchHit> search(SearchMode mode, SearchRequest request) {
        return retriever(mode).search(request);
    }

    /**
     * Returns the retriever of a mode over this store.
     *
     * @param mode the mode
     * @return the retriever, created on first use
     */
    public synchronized Retriever retriever(SearchMode mode) {
        return retrievers.computeIfAbsent(mode, m -> Retrievers.of(m, reader, () -> model));
    }

    /**
     * Returns the underlying store reader.
     *
     * @return the reader
     */
    public StoreReader reader() {
        return reader;
    }

    @Override
    public void close() {
        reader.close();
    }
}
