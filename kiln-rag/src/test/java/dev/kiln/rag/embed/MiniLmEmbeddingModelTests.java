package dev.kiln.rag.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class MiniLmEmbeddingModelTests {
    private static final MiniLmEmbeddingModel MODEL = new MiniLmEmbeddingModel(2);

    @AfterAll
    static void close() {
        MODEL.close();
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    @Test
    void producesUnitVectorsOf384DimensionsInOrder() {
        List<float[]> vectors = MODEL.embedAll(List.of("first text", "second text", "third"));
        assertThat(vectors).hasSize(3).allSatisfy(v -> {
            assertThat(v).hasSize(384);
            assertThat(dot(v, v)).isCloseTo(1.0, within(1e-4));
        });
        assertThat(dot(vectors.get(2), MODEL.embed("third"))).isCloseTo(1.0, within(1e-4));
    }

    @Test
    void placesParaphrasesCloserThanUnrelatedText() {
        float[] query = MODEL.embed("How do I restore my data from a backup?");
        float[] paraphrase = MODEL.embed("Recovering files from a saved snapshot");
        float[] unrelated = MODEL.embed("The cafeteria serves lasagne on Fridays");
        assertThat(dot(query, paraphrase)).isGreaterThan(dot(query, unrelated) + 0.2);
    }

    @Test
    void embedsNothingWithoutLoadingTheModel() {
        try (MiniLmEmbeddingModel fresh = new MiniLmEmbeddingModel(1)) {
            assertThat(fresh.embedAll(List.of())).isEmpty();
            assertThat(fresh.name()).isEqualTo("all-minilm-l6-v2-q");
            assertThat(fresh.dimension()).isEqualTo(384);
        }
    }

    @Test
    void theQuantizedWeightsEmbedCloseToTheFloatOnes() {
        try (MiniLmEmbeddingModel full = new MiniLmEmbeddingModel(MiniLmEmbeddingModel.Variant.FULL, 1)) {
            assertThat(full.name()).isEqualTo("all-minilm-l6-v2");
            String sentence = "Point-in-time recovery replays archived write-ahead log onto a base backup";
            float[] quantized = MODEL.embed(sentence);
            float[] original = full.embed(sentence);
            assertThat(dot(quantized, original)).isGreaterThan(0.9).isLessThan(0.99999);
            assertThat(dot(quantized, MODEL.embed("The cafeteria serves lasagne on Fridays")))
                    .isLessThan(dot(quantized, original) - 0.3);
        }
    }

    @Test
    void findsTheVariantAStoreRecorded() {
        for (MiniLmEmbeddingModel.Variant v : MiniLmEmbeddingModel.Variant.values()) {
            assertThat(MiniLmEmbeddingModel.Variant.named(v.modelName())).contains(v);
        }
        assertThat(MiniLmEmbeddingModel.Variant.named("bge-small-en-v1.5")).isEmpty();
    }
}
