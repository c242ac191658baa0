package dev.kiln.guard.injection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A sparse feature vector: sorted distinct indices and their values.
 *
 * @param indices the bucket indices, ascending
 * @param values the value of each index
 */
@SuppressWarnings("ArrayRecordComponent") // equals, hashCode and toString are overridden
public record SparseVector(int[] indices, float[] values) {
    /** Builds a vector by summing values per index. */
    static final class Builder {
        private final Map<Integer, Float> sums = new HashMap<>();

        void add(int index, double value) {
            sums.merge(index, (float) value, Float::sum);
        }

        /** The vector scaled to unit length, so long and short texts weigh alike. */
        SparseVector normalised() {
            List<Map.Entry<Integer, Float>> entries = new ArrayList<>(sums.entrySet());
            entries.sort(Map.Entry.comparingByKey());
            int[] indices = new int[entries.size()];
            float[] values = new float[entries.size()];
            double norm = 0;
            for (int i = 0; i < indices.length; i++) {
                indices[i] = entries.get(i).getKey();
                values[i] = entries.get(i).getValue();
                norm += values[i] * values[i];
            }
            double scale = norm == 0 ? 1 : 1 / Math.sqrt(norm);
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) (values[i] * scale);
            }
            return new SparseVector(indices, values);
        }
    }

    /**
     * A dense vector, such as a sentence embedding, as a sparse one with every index present.
     *
     * @param dense the values
     * @return the vector, not rescaled
     */
    public static SparseVector dense(float[] dense) {
        int[] indices = new int[dense.length];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = i;
        }
        return new SparseVector(indices, dense.clone());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SparseVector v && Arrays.equals(indices, v.indices) && Arrays.equals(values, v.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(indices) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "SparseVector[" + indices.length + " entries]";
    }
}
