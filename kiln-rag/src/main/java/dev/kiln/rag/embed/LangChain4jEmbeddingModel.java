package dev.kiln.rag.embed;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import java.util.ArrayList;
import java.util.List;

/**
 * Any LangChain4j {@link dev.langchain4j.model.embedding.EmbeddingModel} as a Kiln embedding model: the
 * way to plug in a remote model (OpenAI, Ollama, ...) or another in-process one.
 *
 * <p>Vectors are normalized to unit length whatever the wrapped model returns, so stores can rank by dot
 * product. Texts are sent in batches of {@code batchSize}.
 */
public final class LangChain4jEmbeddingModel implements EmbeddingModel {
    private final dev.langchain4j.model.embedding.EmbeddingModel delegate;
    private final String name;
    private final int dimension;
    private final int batchSize;

    /**
     * Wraps a LangChain4j model.
     *
     * @param delegate the model
     * @param name a stable name for the model and its settings, recorded in stores
     * @param dimension the length of its vectors
     * @param batchSize how many texts to send per call, at least 1
     */
    public LangChain4jEmbeddingModel(
            dev.langchain4j.model.embedding.EmbeddingModel delegate, String name, int dimension, int batchSize) {
        if (name.isBlank() || dimension < 1 || batchSize < 1) {
            throw new IllegalArgumentException("name must not be blank; dimension and batchSize must be positive");
        }
        this.delegate = delegate;
        this.name = name;
        this.dimension = dimension;
        this.batchSize = batchSize;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += batchSize) {
            List<TextSegment> batch = texts.subList(from, Math.min(texts.size(), from + batchSize)).stream()
                    .map(TextSegment::from)
                    .toList();
            for (Embedding embedding : delegate.embedAll(batch).content()) {
                vectors.add(checked(embedding.vector()));
            }
        }
        return vectors;
    }

    private float[] checked(float[] vector) {
        if (vector.length != dimension) {
            throw new IllegalStateException(
                    "model " + name + " returned " + vector.length + " dimensions, expected " + dimension);
        }
        return Vectors.normalize(vector.clone());
    }
}
