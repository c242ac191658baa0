package dev.kiln.codegen.verify;

import dev.kiln.spec.KilnException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * HTTP load on a service on loopback for {@link RateLimitBenchmark}: concurrent clients until a deadline,
 * and sequential timed requests. Every request is a {@code GET} with an {@code X-API-Key}.
 */
final class LoopbackLoad {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private LoopbackLoad() {}

    /**
     * Counts of 200, 429 and other answers of concurrent clients with one API key, and the nanoseconds
     * taken. Each client opens its connection first (with another key); all start together, so the
     * caller's bucket is created at the start and the run's windows line up with the bucket's.
     */
    static long[] hammer(URI uri, String apiKey, int clientCount, Duration run) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(clientCount);
        AtomicLong start = new AtomicLong();
        CyclicBarrier ready = new CyclicBarrier(clientCount, () -> start.set(System.nanoTime()));
        List<Callable<long[]>> clients = new ArrayList<>();
        for (int c = 0; c < clientCount; c++) {
            clients.add(() -> client(uri, apiKey, ready, () -> start.get() + run.toNanos()));
        }
        long[] totals = new long[3];
        try {
            for (Future<long[]> counts : pool.invokeAll(clients)) {
                long[] part = counts.get();
                for (int i = 0; i < totals.length; i++) {
                    totals[i] += part[i];
                }
            }
        } catch (ExecutionException e) {
            throw new KilnException("a benchmark client failed: " + e.getCause(), e);
        } finally {
            pool.shutdownNow();
        }
        return new long[] {totals[0], totals[1], totals[2], System.nanoTime() - start.get()};
    }

    /** One client: its own connection, requests until the deadline; counts 200, 429 and anything else. */
    private static long[] client(URI uri, String apiKey, CyclicBarrier ready, LongSupplier deadline)
            throws InterruptedException, BrokenBarrierException {
        long[] counts = new long[3];
        try (HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            timed(http, get(uri, apiKey + "-connect"));
            ready.await();
            long end = deadline.getAsLong();
            HttpRequest request = get(uri, apiKey);
            while (System.nanoTime() - end < 0) {
                try {
                    int status = http.send(request, HttpResponse.BodyHandlers.discarding())
                            .statusCode();
                    counts[status == 200 ? 0 : status == 429 ? 1 : 2]++;
                } catch (IOException e) {
                    counts[2]++;
                }
            }
        }
        return counts;
    }

    /** Sequential requests, alternating between the two instances; warm-up first, as many as timed. */
    static RateLimitBenchmark.Latency[] alternate(URI with, URI without, int requests) throws InterruptedException {
        long[] limited = new long[requests];
        long[] unlimited = new long[requests];
        try (HttpClient a = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
                HttpClient b = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build()) {
            HttpRequest toWith = get(with, "latency");
            HttpRequest toWithout = get(without, "latency");
            for (int i = -requests; i < requests; i++) {
                long tookWith = timed(a, toWith);
                long tookWithout = timed(b, toWithout);
                if (i >= 0) {
                    limited[i] = tookWith;
                    unlimited[i] = tookWithout;
                }
            }
        }
        return new RateLimitBenchmark.Latency[] {percentiles(limited), percentiles(unlimited)};
    }

    private static long timed(HttpClient http, HttpRequest request) throws InterruptedException {
        long start = System.nanoTime();
        try {
            int status =
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) {
                throw new KilnException("expected 200 from " + request.uri() + ", got " + status);
            }
        } catch (IOException e) {
            throw new KilnException("GET " + request.uri() + " failed: " + e, e);
        }
        return System.nanoTime() - start;
    }

    static void warmUp(URI uri, String key, int requests) throws InterruptedException {
        try (HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpRequest request = get(uri, key);
            for (int i = 0; i < requests; i++) {
                timed(http, request);
            }
        }
    }

    private static HttpRequest get(URI uri, String apiKey) {
        return HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("X-API-Key", apiKey)
                .header("Accept", "application/json")
                .GET()
                .build();
    }

    private static RateLimitBenchmark.Latency percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new RateLimitBenchmark.Latency(micros(sorted, 0.50), micros(sorted, 0.90), micros(sorted, 0.99));
    }

    private static double micros(long[] sorted, double quantile) {
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1000.0;
    }
}
