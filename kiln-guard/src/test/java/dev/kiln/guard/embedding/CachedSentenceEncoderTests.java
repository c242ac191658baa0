package dev.kiln.guard.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CachedSentenceEncoderTests {
    @Test
    void repeatedTextsAreEncodedOnceAndOrderIsKept() {
        HashingEncoder inner = new HashingEncoder();
        CachedSentenceEncoder cached = new CachedSentenceEncoder(inner, 10);

        List<float[]> first = cached.embedAll(List.of("a b", "c d", "a b"));
        List<float[]> second = cached.embedAll(List.of("c d"));

        assertThat(inner.calls).isEqualTo(2);
        assertThat(first.get(0)).isEqualTo(first.get(2)).isNotEqualTo(first.get(1));
        assertThat(second.get(0)).isEqualTo(first.get(1));
    }

    @Test
    void theLeastRecentlyUsedEntryIsDroppedAtTheBound() {
        HashingEncoder inner = new HashingEncoder();
        CachedSentenceEncoder cached = new CachedSentenceEncoder(inner, 1);

        cached.embed("one");
        cached.embed("two");
        cached.embed("one");

        assertThat(inner.calls).isEqualTo(3);
    }
}
