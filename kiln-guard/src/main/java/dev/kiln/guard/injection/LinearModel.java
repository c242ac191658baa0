package dev.kiln.guard.injection;

import dev.kiln.guard.GuardException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A logistic-regression model over {@link SparseVector}s: {@code p = sigmoid(w . x + b)}, with the decision
 * threshold chosen at training time. Stored as gzip with 8-bit quantised weights (one scale for all), which
 * keeps the shipped model small; the quantised weights are the ones evaluated.
 *
 * @param weights one weight per feature bucket
 * @param bias the intercept
 * @param threshold the probability at or above which a text is an injection
 */
@SuppressWarnings("ArrayRecordComponent") // equals, hashCode and toString are overridden
public record LinearModel(float[] weights, float bias, float threshold) {
    private static final int MAGIC = 0x4b4c4d31;

    /** The classpath location of the shipped model. */
    public static final String RESOURCE = "dev/kiln/guard/injection/lexical-model.bin.gz";

    /**
     * The probability that a vector is an injection.
     *
     * @param x the features
     * @return a probability
     */
    public double probability(SparseVector x) {
        double z = bias;
        int[] idx = x.indices();
        float[] val = x.values();
        for (int i = 0; i < idx.length; i++) {
            z += weights[idx[i]] * val[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /**
     * Writes the model, quantising the weights to 8 bits.
     *
     * @param out where to write; closed afterwards
     * @throws IOException if writing fails
     */
    public void write(OutputStream out) throws IOException {
        float max = 1e-9f;
        for (float w : weights) {
            max = Math.max(max, Math.abs(w));
        }
        float scale = max / 127;
        try (DataOutputStream data = new DataOutputStream(new GZIPOutputStream(out))) {
            data.writeInt(MAGIC);
            data.writeInt(weights.length);
            data.writeFloat(scale);
            data.writeFloat(bias);
            data.writeFloat(threshold);
            byte[] q = new byte[weights.length];
            for (int i = 0; i < weights.length; i++) {
                q[i] = (byte) Math.round(weights[i] / scale);
            }
            data.write(q);
        }
    }

    /**
     * Reads a model written by {@link #write(OutputStream)}.
     *
     * @param in the stream; closed afterwards
     * @return the model
     * @throws GuardException if the stream is not such a model
     */
    public static LinearModel read(InputStream in) {
        try (DataInputStream data = new DataInputStream(new GZIPInputStream(in))) {
            if (data.readInt() != MAGIC) {
                throw new GuardException("not a Kiln linear model");
            }
            int n = data.readInt();
            float scale = data.readFloat();
            float bias = data.readFloat();
            float threshold = data.readFloat();
            byte[] q = data.readNBytes(n);
            if (q.length != n) {
                throw new GuardException("truncated Kiln linear model");
            }
            float[] w = new float[n];
            for (int i = 0; i < n; i++) {
                w[i] = q[i] * scale;
            }
            return new LinearModel(w, bias, threshold);
        } catch (IOException e) {
            throw new GuardException("cannot read linear model: " + e.getMessage(), e);
        }
    }

    /**
     * The model shipped with Kiln.
     *
     * @return the model
     * @throws GuardException if the resource is missing
     */
    public static LinearModel shipped() {
        InputStream in = LinearModel.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new GuardException("missing resource " + RESOURCE + "; train it with 'kiln guard train'");
        }
        return read(in);
    }

    /**
     * The same model with another decision threshold.
     *
     * @param newThreshold the threshold
     * @return the model
     */
    public LinearModel withThreshold(float newThreshold) {
        return new LinearModel(weights, bias, newThreshold);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinearModel m
                && java.util.Arrays.equals(weights, m.weights)
                && bias == m.bias
                && threshold == m.threshold;
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(weights) * 31 + Float.hashCode(bias);
    }

    @Override
    public String toString() {
        return "LinearModel[" + weights.length + " weights, threshold " + threshold + "]";
    }
}
