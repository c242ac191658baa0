package dev.kiln.guard.embedding;

import java.util.List;

/**
 * Turns a sentence or short passage into a fixed-length vector of unit length, so that texts with similar
 * meaning get nearby vectors. {@link MiniLmSentenceEncoder} and {@link BgeSmallSentenceEncoder} are the in-process encoders Kiln ships; tests use
 * small fakes.
 */
public interface SentenceEncoder {
    /**
     * The length of every vector.
     *
     * @return the dimension
     */
    int dimension();

    /**
     * Encodes texts.
     *
     * @param texts the texts
     * @return one unit-length vector per text, in order
     */
    List<float[]> embedAll(List<String> texts);

    /**
     * Encodes one text.
     *
     * @param text the text
     * @return its unit-length vector
     */
    default float[] embed(String text) {
        return embedAll(List.of(text)).get(0);
    }
}
