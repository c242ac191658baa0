package com.example.tiny.ratelimit;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;

/**
 * Buckets in PostgreSQL, shared by every replica: Bucket4j's select-for-update proxy manager on the
 * {@value #TABLE} table (created by the Flyway migration {@code R__rate_limit_buckets.sql}). Each check is
 * one short transaction that locks the caller's row, so concurrent requests on any replica never take
 * more tokens than the bucket has.
 *
 * <p>Rows carry an expiry (the time the bucket would be full again, plus a minute); a background task
 * deletes expired rows in batches every {@code cleanupInterval}. The clock must be the wall clock, the
 * same on every replica.
 */
public final class PostgresBucketStore implements BucketStore, DisposableBean {
    /** The table that holds the buckets. */
    public static final String TABLE = "rate_limit_buckets";

    private static final Logger log = LoggerFactory.getLogger(PostgresBucketStore.class);
    private static final int CLEANUP_BATCH = 1000;

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final ScheduledExecutorService cleaner;

    public PostgresBucketStore(DataSource dataSource, TimeMeter clock, Duration cleanupInterval) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                .clientClock(clock)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
        this.cleaner = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rate-limit-cleanup");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(1, cleanupInterval.toMillis());
        cleaner.scheduleWithFixedDelay(this::removeExpired, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
        return buckets.getProxy(key, () -> configuration).tryConsumeAndReturnRemaining(1);
    }

    /** Deletes expired buckets, a batch at a time; safe to run on every replica at once (SKIP LOCKED). */
    public int removeExpired() {
        int removed = 0;
        try {
            int batch;
            do {
                batch = buckets.removeExpired(CLEANUP_BATCH);
                removed += batch;
            }
            while (batch == CLEANUP_BATCH);
        }
        catch (RuntimeException ex) {
            log.warn("could not delete expired rate-limit buckets; will retry: {}", ex.toString());
        }
        return removed;
    }

    @Override
    public void destroy() {
        cleaner.shutdownNow();
    }
}
