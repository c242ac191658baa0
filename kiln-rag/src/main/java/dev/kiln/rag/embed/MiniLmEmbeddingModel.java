package dev.kiln.rag.embed;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * The all-MiniLM-L6-v2 sentence encoder (384 dimensions), run in process through ONNX Runtime from
 * LangChain4j's model jars: no network, no GPU. Two {@link Variant}s: the original float model and its
 * 8-bit quantized form, which embeds about 2.2 times faster on a CPU for about 2 points of Recall@1 on
 * Kiln's PostgreSQL question set (README); new stores use the quantized one.
 *
 * <p>The model loads on first use (about a second), so code that only needs BM25 never pays for it.
 * Batches are spread over one thread per core. Use {@link LangChain4jEmbeddingModel} for any other model.
 */
public final class MiniLmEmbeddingModel implements EmbeddingModel, AutoCloseable {
    /** The name stores record for the float model. */
    public static final String NAME = "all-minilm-l6-v2";

    /** The name stores record for the quantized model. */
    public static final String QUANTIZED_NAME = "all-minilm-l6-v2-q";

    /** Which weights to run. */
    public enum Variant {
        /** The original float32 weights ({@value MiniLmEmbeddingModel#NAME}). */
        FULL(NAME),
        /** Dynamically quantized 8-bit weights ({@value MiniLmEmbeddingModel#QUANTIZED_NAME}). */
        QUANTIZED(QUANTIZED_NAME);

        /** The variant new stores are built with. */
        public static final Variant DEFAULT = QUANTIZED;

        private final String modelName;

        Variant(String modelName) {
            this.modelName = modelName;
        }

        /**
         * Returns the name a store records.
         *
         * @return the model name
         */
        public String modelName() {
            return modelName;
        }

        /**
         * Finds the variant a store was built with.
         *
         * @param modelName the name the store recorded
         * @return the variant, or empty when the store was built with another model
         */
        public static Optional<Variant> named(String modelName) {
            for (Variant v : values()) {
                if (v.modelName.equals(modelName)) {
                    return Optional.of(v);
                }
            }
            return Optional.empty();
        }
    }

    private static final int DIMENSION = 384;

    private final Variant variant;
    private final int threads;
    private @Nullable ExecutorService executor;
    private @Nullable LangChain4jEmbeddingModel model;

    /** Creates the default variant with one embedding thread per available core. */
    public MiniLmEmbeddingModel() {
        this(Variant.DEFAULT, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Creates the model with a given number of embedding threads.
     *
     * @param threads how many texts to embed at once, at least 1
     */
    public MiniLmEmbeddingModel(int threads) {
        this(Variant.DEFAULT, threads);
    }

    /**
     * Creates a variant with a given number of embedding threads.
     *
     * @param variant which weights
     * @param threads how many texts to embed at once, at least 1
     */
    public MiniLmEmbeddingModel(Variant variant, int threads) {
        this.variant = variant;
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        this.threads = threads;
    }

    @Override
    public String name() {
        return variant.modelName();
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
            dev.langchain4j.model.embedding.EmbeddingModel onnx = variant == Variant.FULL
                    ? new AllMiniLmL6V2EmbeddingModel(pool)
                    : new AllMiniLmL6V2QuantizedEmbeddingModel(pool);
            current = new LangChain4jEmbeddingModel(onnx, variant.modelName(), DIMENSION, 256);
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
