package dev.kiln.guard.embedding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A tiny deterministic encoder for tests: bag of hashed words in 16 dimensions, unit length. */
public final class HashingEncoder implements SentenceEncoder {
    /** How many texts were encoded, to check caching and the cascade's band. */
    public int calls;

    @Override
    public int dimension() {
        return 16;
    }

    @Override
    public synchronized List<float[]> embedAll(List<String> texts) {
        List<float[]> out = new ArrayList<>();
        for (String t : texts) {
            calls++;
            float[] v = new float[16];
            for (String w : t.toLowerCase(Locale.ROOT).split("\\W+")) {
                if (!w.isEmpty()) {
                    v[Math.floorMod(w.hashCode(), 16)] += 1;
                }
            }
            double n = 0;
            for (float x : v) {
                n += x * x;
            }
            for (int i = 0; i < v.length; i++) {
                v[i] = n == 0 ? 0 : (float) (v[i] / Math.sqrt(n));
            }
            out.add(v);
        }
        return out;
    }
}
