package com.example.tiny.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL bucket store on a real PostgreSQL (embedded binaries from Maven Central), migrated by
 * the service's own Flyway scripts: two stores stand for two replicas of the service.
 */
class RateLimitPostgresIT {
    private static EmbeddedPostgres postgres;

    private final ManualTimeMeter clock = new ManualTimeMeter();

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load()
                .migrate();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void twoReplicasShareOneBucket() {
        RateLimitRule rule = rule(5);
        PostgresBucketStore replicaA = store();
        PostgresBucketStore replicaB = store();
        String key = rule.bucketKey("ip:192.0.2.1");

        for (int i = 0; i < 3; i++) {
            assertThat(replicaA.tryConsume(key, rule.configuration()).isConsumed()).isTrue();
        }
        assertThat(replicaB.tryConsume(key, rule.configuration()).getRemainingTokens()).isEqualTo(1);
        assertThat(replicaB.tryConsume(key, rule.configuration()).isConsumed()).isTrue();

        assertThat(replicaA.tryConsume(key, rule.configuration()).isConsumed()).isFalse();
        assertThat(replicaB.tryConsume(key, rule.configuration()).isConsumed()).isFalse();
        assertThat(replicaB.tryConsume(rule.bucketKey("ip:192.0.2.2"), rule.configuration()).isConsumed()).isTrue();

        clock.advance(Duration.ofMinutes(1));
        assertThat(replicaB.tryConsume(key, rule.configuration()).getRemainingTokens()).isEqualTo(4);
        replicaA.destroy();
        replicaB.destroy();
    }

    @Test
    void concurrentRequestsOnTwoReplicasNeverTakeMoreThanTheLimit() throws Exception {
        RateLimitRule rule = rule(50);
        List<PostgresBucketStore> replicas = List.of(store(), store());
        String key = rule.bucketKey("key:concurrent");
        List<Callable<Integer>> clients = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            BucketStore replica = replicas.get(c % 2);
            clients.add(() -> {
                int taken = 0;
                for (int i = 0; i < 15; i++) {
                    taken += replica.tryConsume(key, rule.configuration()).isConsumed() ? 1 : 0;
                }
                return taken;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        int taken = 0;
        try {
            for (Future<Integer> result : pool.invokeAll(clients)) {
                taken += result.get();
            }
        }
        finally {
            pool.shutdownNow();
            replicas.forEach(PostgresBucketStore::destroy);
        }

        assertThat(taken).as("8 clients x 15 requests against a limit of 50").isEqualTo(50);
    }

    @Test
    void expiredBucketsAreDeleted() throws Exception {
        RateLimitRule rule = rule(5);
        PostgresBucketStore store = store();
        store.tryConsume(rule.bucketKey("ip:192.0.2.9"), rule.configuration());
        DataSource database = postgres.getPostgresDatabase();
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            assertThat(count(sql, "where id like '%192.0.2.9' and expires_at > 0")).isEqualTo(1);
            sql.executeUpdate("update rate_limit_buckets set expires_at = 1 where id like '%192.0.2.9'");

            assertThat(store.removeExpired()).isGreaterThanOrEqualTo(1);
            assertThat(count(sql, "where id like '%192.0.2.9'")).isZero();
        }
        finally {
            store.destroy();
        }
    }

    private PostgresBucketStore store() {
        return new PostgresBucketStore(postgres.getPostgresDatabase(), clock, Duration.ofHours(1));
    }

    private static RateLimitRule rule(long requests) {
        return new RateLimitRule("it", List.of(), List.of(), requests, Duration.ofMinutes(1),
                RateLimitProperties.Key.IP);
    }

    private static long count(Statement sql, String where) throws Exception {
        try (ResultSet rows = sql.executeQuery("select count(*) from rate_limit_buckets " + where)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
