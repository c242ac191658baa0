package dev.kiln.guard.embedding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link SentenceEncoder} that remembers the vectors of the last texts it encoded, for evaluations and
 * documents that repeat the same pieces (a mail footer, a table header). Bounded, least recently used first
 * out; thread-safe.
 */
public final class CachedSentenceEncoder implements SentenceEncoder {
    private final SentenceEncoder delegate;
    private final Map<String, float[]> cache;

    /**
     * Wraps an encoder.
     *
     * @param delegate the encoder
     * @param maxEntries how many vectors to keep, at least 1
     */
    @SuppressWarnings("serial") // the cache is never serialised
    public CachedSentenceEncoder(SentenceEncoder delegate, int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1, was " + maxEntries);
        }
        this.delegate = delegate;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > maxEntries;
            }
        };
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<String> missing = new ArrayList<>();
        synchronized (cache) {
            for (String t : texts) {
                if (!cache.containsKey(t) && !missing.contains(t)) {
                    missing.add(t);
                }
            }
        }
        List<float[]> fresh = missing.isEmpty() ? List.of() : delegate.embedAll(missing);
        List<float[]> out = new ArrayList<>(texts.size());
        synchronized (cache) {
            for (int i = 0; i < missing.size(); i++) {
                cache.put(missing.get(i), fresh.get(i));
            }
            for (String t : texts) {
                float[] v = cache.get(t);
                out.add(v != null ? v : delegate.embed(t));
            }
        }
        return out;
    }
}
