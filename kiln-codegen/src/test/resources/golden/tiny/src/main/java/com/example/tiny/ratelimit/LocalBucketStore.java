package com.example.tiny.ratelimit;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;

/**
 * Buckets in this JVM's memory (Bucket4j lock-free local buckets in a Caffeine cache): for one instance
 * and for development. Each replica counts on its own, so N replicas allow N times the limit; use
 * {@link PostgresBucketStore} when there are several.
 *
 * <p>A bucket nobody used for {@code idleAfter} (the longest window) is dropped: it would be full again
 * anyway. At most {@code maxKeys} callers are tracked; beyond that the least recently seen are dropped,
 * which bounds memory when many addresses call once.
 */
public final class LocalBucketStore implements BucketStore {
    private final Cache<String, Bucket> buckets;
    private final TimeMeter clock;

    public LocalBucketStore(int maxKeys, Duration idleAfter, TimeMeter clock) {
        this.buckets = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterAccess(idleAfter).build();
        this.clock = clock;
    }

    @Override
    public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
        return buckets.get(key, k -> bucket(configuration)).tryConsumeAndReturnRemaining(1);
    }

    private Bucket bucket(BucketConfiguration configuration) {
        LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(clock);
        for (Bandwidth bandwidth : configuration.getBandwidths()) {
            builder.addLimit(bandwidth);
        }
        return builder.build();
    }
}
