package dev.kiln.rag.embed;

/** Small vector arithmetic shared by the embedding models. */
final class Vectors {
    private Vectors() {}

    /**
     * Scales a vector to unit length in place; a zero vector stays zero.
     *
     * @param v the vector
     * @return the same array
     */
    static float[] normalize(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        if (sum == 0) {
            return v;
        }
        float inverse = (float) (1 / Math.sqrt(sum));
        for (int i = 0; i < v.length; i++) {
            v[i] *= inverse;
        }
        return v;
    }
}
