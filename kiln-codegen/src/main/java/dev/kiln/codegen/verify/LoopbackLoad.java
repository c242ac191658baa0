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

/**
 * HTTP load on a service on loopback for {@link RateLimitBenchmark}: concurrent clients until a deadline,
 * and sequential timed requests. Every request is a {@code GET} with an {@code X-API-Key}.
 */
final class LoopbackLoad {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private LoopbackLoad() {}

    /** What concurrent clients got, per window of the run (by the time each answer arrived). */
    static final class Tally {
        private final long[] allowed;
        private final long[] rejected;
        private long other;
        private long nanos;

        private Tally(int windows) {
            this.allowed = new long[windows];
            this.rejected = new long[windows];
        }

        /** Answers 200 per window. */
        List<Long> allowed() {
            return Arrays.stream(allowed).boxed().toList();
        }

        /** Answers 429 in a window. */
        long rejected(int window) {
            return rejected[window];
        }

        long allowedTotal() {
            return Arrays.stream(allowed).sum();
        }

        long rejectedTotal() {
            return Arrays.stream(rejected).sum();
        }

        /** Other answers and transport errors. */
        long other() {
            return other;
        }

        /** How long the run took. */
        long nanos() {
            return nanos;
        }

        double perSecond() {
            return (allowedTotal() + rejectedTotal() + other) / (nanos / 1e9);
        }

        private void add(Tally part) {
            for (int w = 0; w < allowed.length; w++) {
                allowed[w] += part.allowed[w];
                rejected[w] += part.rejected[w];
            }
            other += part.other;
        }
    }

    /**
     * Runs concurrent clients with one API key until {@code run} has passed. Each client opens its
     * connection first (with another key); all start together, so the caller's bucket is created at the
     * start and the run's windows line up with the bucket's.
     */
    static Tally hammer(URI uri, String apiKey, int clientCount, Duration run, Duration window)
            throws InterruptedException {
        int windows = (int) ((run.toNanos() + window.toNanos() - 1) / window.toNanos());
        ExecutorService pool = Executors.newFixedThreadPool(clientCount);
        AtomicLong start = new AtomicLong();
        CyclicBarrier ready = new CyclicBarrier(clientCount, () -> start.set(System.nanoTime()));
        List<Callable<Tally>> clients = new ArrayList<>();
        for (int c = 0; c < clientCount; c++) {
            clients.add(() -> client(uri, apiKey, ready, new Clock(start, run, window, windows)));
        }
        Tally total = new Tally(windows);
        try {
            for (Future<Tally> result : pool.invokeAll(clients)) {
                total.add(result.get());
            }
        } catch (ExecutionException e) {
            throw new KilnException("a benchmark client failed: " + e.getCause(), e);
        } finally {
            pool.shutdownNow();
        }
        total.nanos = System.nanoTime() - start.get();
        return total;
    }

    /** The run's start (set when every client is ready), its end, and which window an instant falls in. */
    private record Clock(AtomicLong start, Duration run, Duration window, int windows) {
        long end() {
            return start.get() + run.toNanos();
        }

        int window(long now) {
            return (int) Math.min(windows - 1, Math.max(0, (now - start.get()) / window.toNanos()));
        }
    }

    /** One client: its own connection, requests until the end of the run. */
    private static Tally client(URI uri, String apiKey, CyclicBarrier ready, Clock clock)
            throws InterruptedException, BrokenBarrierException {
        Tally tally = new Tally(clock.windows());
        try (HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            timed(http, get(uri, apiKey + "-connect"));
            ready.await();
            long end = clock.end();
            HttpRequest request = get(uri, apiKey);
            while (System.nanoTime() - end < 0) {
                try {
                    int status = http.send(request, HttpResponse.BodyHandlers.discarding())
                            .statusCode();
                    int window = clock.window(System.nanoTime());
                    if (status == 200) {
                        tally.allowed[window]++;
                    } else if (status == 429) {
                        tally.rejected[window]++;
                    } else {
                        tally.other++;
                    }
                } catch (IOException e) {
                    tally.other++;
                }
            }
        }
        return tally;
    }

    /** Sequential requests, alternating between the two instances; warm-up first, as many as timed. */
    static RateLimitBenchmark.Latency[] alternate(URI with, URI without, int requests) throws InterruptedException {
        return alternate(get(with, "latency"), get(without, "latency"), requests);
    }

    /** Sequential requests, alternating between two requests; warm-up first, as many as timed. */
    static RateLimitBenchmark.Latency[] alternate(HttpRequest toWith, HttpRequest toWithout, int requests)
            throws InterruptedException {
        long[] limited = new long[requests];
        long[] unlimited = new long[requests];
        try (HttpClient a = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
                HttpClient b = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build()) {
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

    static RateLimitBenchmark.Latency percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new RateLimitBenchmark.Latency(micros(sorted, 0.50), micros(sorted, 0.90), micros(sorted, 0.99));
    }

    private static double micros(long[] sorted, double quantile) {
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1000.0;
    }
}
