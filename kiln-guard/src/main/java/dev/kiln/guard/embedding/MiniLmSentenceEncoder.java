package dev.kiln.guard.embedding;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;

/**
 * The all-MiniLM-L6-v2 sentence encoder (384 dimensions, 6 layers) from LangChain4j's model jar, run in
 * process by ONNX Runtime: the second layer of {@link dev.kiln.guard.injection.CascadeInjectionGuardrail}.
 * The model loads on first use (about a second), so callers whose texts never reach the second layer never
 * pay for it. Thread-safe.
 */
public final class MiniLmSentenceEncoder extends InProcessSentenceEncoder {
    /** The dimension of every vector. */
    public static final int DIMENSION = 384;

    /** An encoder that loads its model on first use. */
    public MiniLmSentenceEncoder() {
        super(DIMENSION);
    }

    @Override
    EmbeddingModel load() {
        return new AllMiniLmL6V2EmbeddingModel();
    }
}
