package dev.kiln.rag.embed;

import java.util.List;

/**
 * Turns text into unit-length vectors whose dot product measures similarity of meaning.
 *
 * <p>{@link MiniLmEmbeddingModel} runs in process with no network; {@link LangChain4jEmbeddingModel}
 * wraps any LangChain4j model, remote ones included. A store remembers the {@link #name()} and
 * {@link #dimension()} it was built with and refuses to mix models.
 */
public interface EmbeddingModel {
    /**
     * Names the model and its settings; two models with the same name must produce the same vectors.
     *
     * @return a stable name, such as {@code all-minilm-l6-v2}
     */
    String name();

    /**
     * Returns the length of every vector this model produces.
     *
     * @return the dimension
     */
    int dimension();

    /**
     * Embeds texts, in order, as unit-length vectors.
     *
     * @param texts the texts; may be empty
     * @return one vector of {@link #dimension()} floats per text, in the same order
     */
    List<float[]> embedAll(List<String> texts);

    /**
     * Embeds one text; a query, typically.
     *
     * @param text the text
     * @return its unit-length vector
     */
    default float[] embed(String text) {
        return embedAll(List.of(text)).getFirst();
    }
}
