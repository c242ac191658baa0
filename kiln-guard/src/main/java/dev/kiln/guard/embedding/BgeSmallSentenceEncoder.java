package dev.kiln.guard.embedding;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;

/**
 * The bge-small-en-v1.5 sentence encoder (384 dimensions, 12 layers, 8-bit weights) from LangChain4j's model
 * jar, run in process by ONNX Runtime: the encoder of {@link
 * dev.kiln.guard.injection.IndirectInjectionGuardrail}. On the indirect scanner's held-out attacks it found
 * more at fewer false positives than MiniLM (README, issue #8) at about the same cost per piece. The model
 * loads on first use. Thread-safe.
 */
public final class BgeSmallSentenceEncoder extends InProcessSentenceEncoder {
    /** The dimension of every vector. */
    public static final int DIMENSION = 384;

    /** An encoder that loads its model on first use. */
    public BgeSmallSentenceEncoder() {
        super(DIMENSION);
    }

    @Override
    EmbeddingModel load() {
        return new BgeSmallEnV15QuantizedEmbeddingModel();
    }
}
