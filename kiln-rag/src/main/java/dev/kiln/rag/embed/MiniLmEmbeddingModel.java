package dev.kiln.rag.embed;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * The all-MiniLM-L6-v2 sentence encoder (384 dimensions), run in process through ONNX Runtime from
 * LangChain4j's model jar: no network, no GPU.
 *
 * <p>The model loads on first use (about a second), so code that only needs BM25 never pays for it.
 * Batches are spread over one thread per core. Use {@link LangChain4jEmbeddingModel} for any other model.
 */
public final class MiniLmEmbeddingModel implements EmbeddingModel, AutoCloseable {
    /** The name stores record for this model. */
    public static final String NAME = "all-minilm-l6-v2";

    private static final int DIMENSION = 384;

    private final int threads;
    private @Nullable ExecutorService executor;
    private @Nullable LangChain4jEmbeddingModel model;

    /** Creates the model with one embedding thread per available core. */
    public MiniLmEmbeddingModel() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /**
     * Creates the model with a given number of embedding threads.
     *
     * @param threads how many texts to embed at once, at least 1
     */
    public MiniLmEmbeddingModel(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        this.threads = threads;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        return loaded().embedAll(texts);
    }

    private synchronized LangChain4jEmbeddingModel loaded() {
        LangChain4jEmbeddingModel current = model;
        if (current == null) {
            ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
                Thread thread = new Thread(runnable, "kiln-embed");
                thread.setDaemon(true);
                return thread;
            });
            executor = pool;
            current = new LangChain4jEmbeddingModel(new AllMiniLmL6V2EmbeddingModel(pool), NAME, DIMENSION, 256);
            model = current;
        }
        return current;
    }

    /** Stops the embedding threads, if the model was loaded. */
    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
            model = null;
        }
    }
}
