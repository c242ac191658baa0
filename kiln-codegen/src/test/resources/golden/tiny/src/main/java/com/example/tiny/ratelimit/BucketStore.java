package com.example.tiny.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Where the token buckets live: {@link LocalBucketStore} in this JVM, {@link PostgresBucketStore} in
 * PostgreSQL for every replica.
 */
public interface BucketStore {

    /**
     * Takes one token from a caller's bucket, creating the bucket full if it does not exist yet.
     *
     * @param key the bucket, see {@link RateLimitRule#bucketKey(String)}
     * @param configuration the bucket's limit
     * @return whether the token was taken, what remains and when the bucket refills
     */
    ConsumptionProbe tryConsume(String key, BucketConfiguration configuration);
}
