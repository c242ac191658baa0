package dev.kiln.guard.embedding;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A sentence encoder over one of LangChain4j's in-process ONNX models: loads the model on first use (about a
 * second), so callers whose texts never reach it never pay for it; embeds in batches; returns unit-length
 * vectors. Thread-safe.
 */
abstract class InProcessSentenceEncoder implements SentenceEncoder {
    private static final int BATCH = 64;

    private final int dimension;
    private @Nullable EmbeddingModel model;

    /**
     * An encoder whose model gives vectors of a known length.
     *
     * @param dimension the length of the model's vectors
     */
    InProcessSentenceEncoder(int dimension) {
        this.dimension = dimension;
    }

    /**
     * Loads the model; called once, on first use.
     *
     * @return the model
     */
    abstract EmbeddingModel load();

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        EmbeddingModel loaded = loaded();
        for (int from = 0; from < texts.size(); from += BATCH) {
            List<TextSegment> batch = texts.subList(from, Math.min(texts.size(), from + BATCH)).stream()
                    .map(t -> TextSegment.from(t.isBlank() ? "." : t))
                    .toList();
            loaded.embedAll(batch).content().forEach(e -> vectors.add(unit(e.vector())));
        }
        return vectors;
    }

    private synchronized EmbeddingModel loaded() {
        EmbeddingModel current = model;
        if (current == null) {
            current = load();
            model = current;
        }
        return current;
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float scale = norm == 0 ? 1 : (float) (1 / Math.sqrt(norm));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * scale;
        }
        return out;
    }
}
