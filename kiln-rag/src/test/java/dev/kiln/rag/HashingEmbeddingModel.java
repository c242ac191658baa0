package dev.kiln.rag;

import dev.kiln.rag.embed.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A fast, deterministic bag-of-words embedding for tests that need many vectors but not meaning: each
 * lower-cased word adds +1 or -1 to one of 64 dimensions chosen by its hash.
 */
public final class HashingEmbeddingModel implements EmbeddingModel {
    private static final int DIMENSION = 64;

    private final String name;

    /** Creates the model under the name {@code hashing-64}. */
    public HashingEmbeddingModel() {
        this("hashing-64");
    }

    /**
     * Creates the model under another name, to test stores built with different models.
     *
     * @param name the name
     */
    public HashingEmbeddingModel(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<float[]> vectors = new ArrayList<>();
        for (String text : texts) {
            float[] v = new float[DIMENSION];
            for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (!word.isEmpty()) {
                    int h = word.hashCode();
                    v[Math.floorMod(h, DIMENSION)] += (h & 0x100) == 0 ? 1 : -1;
                }
            }
            v[0] += 0.01f; // never the zero vector
            double norm = 0;
            for (float x : v) {
                norm += x * x;
            }
            for (int i = 0; i < DIMENSION; i++) {
                v[i] /= (float) Math.sqrt(norm);
            }
            vectors.add(v);
        }
        return vectors;
    }
}
