package dev.kiln.guard.embedding;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The all-MiniLM-L6-v2 sentence encoder (384 dimensions) from LangChain4j's model jar, run in process by
 * ONNX Runtime. The model loads on first use (about a second), so callers whose texts never reach the second
 * layer never pay for it. Thread-safe.
 */
public final class MiniLmSentenceEncoder implements SentenceEncoder {
    /** The dimension of every vector. */
    public static final int DIMENSION = 384;

    private static final int BATCH = 64;

    private @Nullable AllMiniLmL6V2EmbeddingModel model;

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        AllMiniLmL6V2EmbeddingModel loaded = loaded();
        for (int from = 0; from < texts.size(); from += BATCH) {
            List<TextSegment> batch = texts.subList(from, Math.min(texts.size(), from + BATCH)).stream()
                    .map(t -> TextSegment.from(t.isBlank() ? "." : t))
                    .toList();
            loaded.embedAll(batch).content().forEach(e -> vectors.add(unit(e.vector())));
        }
        return vectors;
    }

    private synchronized AllMiniLmL6V2EmbeddingModel loaded() {
        AllMiniLmL6V2EmbeddingModel current = model;
        if (current == null) {
            current = new AllMiniLmL6V2EmbeddingModel();
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
