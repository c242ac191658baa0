package dev.kiln.codegen.verify;

import dev.kiln.codegen.model.RateLimitModel;
import dev.kiln.spec.KilnException;
import dev.kiln.spec.ServiceSpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures the rate limiter of a built, generated service on loopback: how exactly it enforces a limit
 * under concurrent load, and the latency it adds.
 *
 * <p>Latency first: two instances start side by side, one with the limiter (a limit it never reaches)
 * and one with {@code RATE_LIMIT_ENABLED=false}; one client alternates sequential requests between them,
 * so load from other processes affects both alike, and the difference of the medians is what the limiter
 * adds. Then {@code clients} threads measure for one window how many requests per second the instance
 * without the limiter serves.
 *
 * <p>Accuracy: a third instance starts with every limit set to {@code limit} per {@code window} (by
 * default a tenth of the measured throughput, so that the clients ask for more than the limit allows even
 * when the machine gets busier), counted per API key; {@code clients} threads send {@code GET} to the first
 * collection with one key for {@code windows + 0.5} windows. The bucket is created by the first request and
 * refills completely at the end of each window, so exactly {@code limit * (windows + 1)} requests should get
 * 200 and the rest 429, as long as every window saw a 429 (the result counts the windows that did not). Everything is bounded: a fixed number of requests and a fixed time, on 127.0.0.1
 * only.
 */
public final class RateLimitBenchmark {
    /**
     * What to run.
     *
     * @param clients concurrent clients for the accuracy run
     * @param limit requests per window; 0 for a tenth of the measured throughput
     * @param window the window
     * @param windows whole windows the accuracy run lasts (plus half a window)
     * @param latencyRequests timed requests per instance (after as many again for warm-up)
     */
    public record Settings(int clients, int limit, Duration window, int windows, int latencyRequests) {
        /** 8 clients, a limit from the measured throughput per 2 s, 3 windows, 2,000 timed requests. */
        public static final Settings DEFAULT = new Settings(8, 0, Duration.ofSeconds(2), 3, 2000);
    }

    /**
     * The accuracy run.
     *
     * @param limit the limit per window it ran with
     * @param expected {@code limit * (windows + 1)}
     * @param allowed answers 200
     * @param rejected answers 429
     * @param other any other answer or a transport error
     * @param elapsed how long the clients ran
     * @param allowedPerWindow answers 200 in each window (by arrival; the last is the half window)
     * @param windowsWithoutRejection whole windows in which the clients never met the limit, which makes
     *     {@code expected} an overestimate
     */
    public record Accuracy(
            long limit,
            long expected,
            long allowed,
            long rejected,
            long other,
            Duration elapsed,
            List<Long> allowedPerWindow,
            int windowsWithoutRejection) {
        /**
         * Returns how far the allowed requests are from the expected ones.
         *
         * @return percent, signed
         */
        public double deviationPercent() {
            return expected == 0 ? 0 : 100.0 * (allowed - expected) / expected;
        }
    }

    /**
     * Latency percentiles of sequential requests, in microseconds.
     *
     * @param p50 the median
     * @param p90 the 90th percentile
     * @param p99 the 99th percentile
     */
    public record Latency(double p50, double p90, double p99) {}

    /**
     * All figures.
     *
     * @param accuracy the accuracy run
     * @param limited latency with the limiter
     * @param unlimited latency with {@code RATE_LIMIT_ENABLED=false}
     * @param throughput requests per second the clients got without the limiter
     * @param path the endpoint measured
     */
    public record Result(Accuracy accuracy, Latency limited, Latency unlimited, double throughput, String path) {}

    /** What the latency phase measured. */
    private record Baseline(Latency limited, Latency unlimited, double throughput) {}

    private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(3);
    private static final String RAISED = "100000000";

    private final JdkLocator jdks;

    /**
     * Creates a benchmark.
     *
     * @param jdks finds the JDK that runs the service
     */
    public RateLimitBenchmark(JdkLocator jdks) {
        this.jdks = jdks;
    }

    /**
     * Runs both measurements.
     *
     * @param projectDir a generated project, already built ({@code target/*.jar})
     * @param spec the spec it was generated from; it must have a rate limiter
     * @param settings what to run
     * @return the figures
     * @throws KilnException when the spec has no rate limiter, no JDK is found, or the service does not start
     */
    public Result run(Path projectDir, ServiceSpec spec, Settings settings) throws InterruptedException {
        RateLimitModel limits = RateLimitModel.of(spec)
                .orElseThrow(() -> new KilnException(spec.name() + " has no rate limiter: its spec has neither"
                        + " features.rateLimit nor features.auth"));
        List<SmokeTarget> targets = SmokeTargets.of(spec);
        String path = "/api/" + targets.get(0).path() + "?size=1";
        Path jdk = jdks.find().orElseThrow(() -> new KilnException("no JDK 21 or newer found for the service"));
        try (HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            Baseline baseline = latency(jdk, projectDir, spec.name(), limits, path, settings);
            long limit = settings.limit() > 0
                    ? settings.limit()
                    : Math.max(
                            10,
                            Math.round(baseline.throughput() * settings.window().toMillis() / 1000.0 / 10));
            Accuracy accuracy =
                    accuracy(new AppProcess(jdk, projectDir, spec.name(), http), limits, path, settings, limit);
            return new Result(accuracy, baseline.limited(), baseline.unlimited(), baseline.throughput(), path);
        }
    }

    private Accuracy accuracy(AppProcess app, RateLimitModel limits, String path, Settings settings, long requests)
            throws InterruptedException {
        Map<String, String> environment = new LinkedHashMap<>();
        for (RateLimitModel.Limit limit : limits.all()) {
            environment.put(limit.env() + "REQUESTS", Long.toString(requests));
            environment.put(limit.env() + "WINDOW", settings.window().toMillis() + "ms");
            environment.put(limit.env() + "BY", "api-key");
        }
        environment.put(RateLimitModel.ENV_PREFIX + "STORE", "memory");
        app.withEnvironment(environment).logTo("kiln-bench-accuracy.log");
        try {
            app.bootOrThrow(BOOT_TIMEOUT);
            URI uri = app.baseUri().resolve(path);
            LoopbackLoad.warmUp(uri, "warm-up", (int) Math.min(requests, 1000));
            Duration run = settings.window()
                    .multipliedBy(settings.windows())
                    .plus(settings.window().dividedBy(2));
            LoopbackLoad.Tally tally = LoopbackLoad.hammer(uri, "bench", settings.clients(), run, settings.window());
            int idle = 0;
            for (int w = 0; w < settings.windows(); w++) {
                idle += tally.rejected(w) == 0 ? 1 : 0;
            }
            return new Accuracy(
                    requests,
                    requests * (settings.windows() + 1),
                    tally.allowedTotal(),
                    tally.rejectedTotal(),
                    tally.other(),
                    Duration.ofNanos(tally.nanos()),
                    tally.allowed(),
                    idle);
        } finally {
            app.stopOrThrow();
        }
    }

    private Baseline latency(
            Path jdk, Path projectDir, String artifactId, RateLimitModel limits, String path, Settings settings)
            throws InterruptedException {
        Map<String, String> limited = new LinkedHashMap<>();
        for (RateLimitModel.Limit limit : limits.all()) {
            limited.put(limit.env() + "REQUESTS", RAISED);
        }
        limited.put(RateLimitModel.ENV_PREFIX + "STORE", "memory");
        try (HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            AppProcess with = new AppProcess(jdk, projectDir, artifactId, http)
                    .withEnvironment(limited)
                    .logTo("kiln-bench-limited.log");
            AppProcess without = new AppProcess(jdk, projectDir, artifactId, http)
                    .withEnvironment(Map.of(RateLimitModel.ENV_PREFIX + "ENABLED", "false"))
                    .logTo("kiln-bench-unlimited.log");
            try {
                with.bootOrThrow(BOOT_TIMEOUT);
                without.bootOrThrow(BOOT_TIMEOUT);
                Latency[] latency = LoopbackLoad.alternate(
                        with.baseUri().resolve(path), without.baseUri().resolve(path), settings.latencyRequests());
                double throughput = LoopbackLoad.hammer(
                                without.baseUri().resolve(path),
                                "throughput",
                                settings.clients(),
                                settings.window(),
                                settings.window())
                        .perSecond();
                return new Baseline(latency[0], latency[1], throughput);
            } finally {
                with.stopOrThrow();
                without.stopOrThrow();
            }
        }
    }
}
