package dev.kiln.codegen.verify;

import dev.kiln.codegen.model.RateLimitModel;
import dev.kiln.spec.AuthType;
import dev.kiln.spec.Features;
import dev.kiln.spec.KilnException;
import dev.kiln.spec.ServiceSpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * Measures what security costs a built, generated service, on loopback with bounded load.
 *
 * <p>Two instances run side by side: the service as generated (its {@code features.auth} and its rate
 * limiter, with limits raised out of reach so that the limiter runs on every request but never refuses
 * one) and a twin generated from the same spec without {@code auth} and {@code rateLimit}
 * ({@link #withoutSecurity}). Then:
 *
 * <ol>
 *   <li>overhead: one client alternates sequential {@code GET}s of the first collection between the two, with
 *       a bearer token (or API key) on the secured one, so load from other processes affects both alike; the
 *       difference of the medians is what authentication, authorisation and rate limiting add;
 *   <li>token endpoint ({@code oauth2} only): {@code clients} threads request client-credentials tokens for
 *       {@code tokenRun}; every request checks the client's hashed secret, which is most of its cost;
 *   <li>fixed rate: authenticated {@code GET}s sent at {@code rate} per second for {@code rateRun}, each timed
 *       from the moment it was due rather than when it went out, so a stall counts against every request it
 *       delays (no coordinated omission).
 * </ol>
 */
public final class AuthBenchmark {
    private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final String RAISED = "100000000";

    private final JdkLocator jdks;

    /**
     * What to run.
     *
     * @param tokenClients concurrent clients requesting tokens
     * @param tokenRun how long they request tokens
     * @param rate authenticated requests per second in the fixed-rate run
     * @param rateRun how long the fixed-rate run lasts
     * @param latencyRequests timed requests per instance in the overhead run (after as many again for warm-up)
     */
    public record Settings(int tokenClients, Duration tokenRun, int rate, Duration rateRun, int latencyRequests) {
        /** 4 token clients for 10 s, 200 requests a second for 10 s, 2,000 alternating timed requests. */
        public static final Settings DEFAULT =
                new Settings(4, Duration.ofSeconds(10), 200, Duration.ofSeconds(10), 2000);
    }

    /**
     * The token endpoint run.
     *
     * @param issued answers 200 with an access token
     * @param failed any other answer or a transport error
     * @param elapsed how long the clients ran
     * @param latency per request, in µs
     */
    public record Tokens(long issued, long failed, Duration elapsed, RateLimitBenchmark.Latency latency) {
        /**
         * Returns tokens issued per second.
         *
         * @return the rate
         */
        public double perSecond() {
            return issued / (elapsed.toNanos() / 1e9);
        }
    }

    /**
     * The fixed-rate run.
     *
     * @param rate requests due per second
     * @param sent requests sent
     * @param ok answers 200
     * @param other any other answer or a transport error
     * @param latency from the moment each request was due to its answer, in µs
     */
    public record FixedRate(int rate, long sent, long ok, long other, RateLimitBenchmark.Latency latency) {}

    /**
     * All figures.
     *
     * @param path the endpoint measured, e.g. {@code /api/users?size=1}
     * @param auth the service's auth type
     * @param tokens the token endpoint run; {@code null} unless the auth type is {@code oauth2}
     * @param fixedRate the fixed-rate run
     * @param secured the secured instance's latency in the overhead run, in µs
     * @param plain the twin's latency in the same run, in µs
     */
    public record Result(
            String path,
            AuthType auth,
            @Nullable Tokens tokens,
            FixedRate fixedRate,
            RateLimitBenchmark.Latency secured,
            RateLimitBenchmark.Latency plain) {
        /**
         * Returns what security adds at the median, in milliseconds.
         *
         * @return secured p50 minus plain p50
         */
        public double overheadMillis() {
            return (secured.p50() - plain.p50()) / 1000.0;
        }
    }

    /**
     * Creates the benchmark.
     *
     * @param jdks where to find the JDK that runs the services
     */
    public AuthBenchmark(JdkLocator jdks) {
        this.jdks = jdks;
    }

    /**
     * Returns the spec of the twin the overhead is measured against: the same service without {@code auth}
     * and {@code rateLimit}.
     *
     * @param spec a spec with {@code features.auth}
     * @return the twin's spec
     */
    public static ServiceSpec withoutSecurity(ServiceSpec spec) {
        Features f = spec.features();
        return new ServiceSpec(
                spec.kiln(),
                spec.name(),
                spec.basePackage(),
                spec.description(),
                spec.entities(),
                spec.relations(),
                new Features(null, null, f.audit(), f.softDelete(), f.cache(), f.multiTenant(), f.search()));
    }

    /**
     * Packages a project's jar with {@code ./mvnw -B -ntp package -DskipTests}, as the twin needs.
     *
     * @param projectDir the project
     * @param listener receives the build's output
     * @throws KilnException when no JDK is found or the build fails
     */
    public void buildJar(Path projectDir, VerifyListener listener) throws InterruptedException {
        Path jdk = jdk();
        try {
            new MavenBuild(projectDir, jdk, listener, List.of("package", "-DskipTests")).run();
        } catch (StepFailure e) {
            throw new KilnException("building " + projectDir + " failed: " + e.summary() + "\n" + e.output());
        }
    }

    /**
     * Runs the benchmark.
     *
     * @param securedDir the built project generated from {@code spec}
     * @param spec its spec; it must have {@code features.auth}
     * @param plainDir the built twin generated from {@link #withoutSecurity}
     * @param settings what to run
     * @return the figures
     * @throws KilnException when the spec has no auth, no JDK is found, or a service does not start
     */
    public Result run(Path securedDir, ServiceSpec spec, Path plainDir, Settings settings) throws InterruptedException {
        SmokeAuth auth = SmokeAuth.of(spec);
        if (!auth.enabled()) {
            throw new KilnException(spec.name() + " has no features.auth, so there is no security to measure");
        }
        List<SmokeTarget> targets = SmokeTargets.of(spec);
        if (targets.isEmpty()) {
            throw new KilnException(spec.name() + " has no entity whose collection could be read");
        }
        String path = "/api/" + targets.get(0).path() + "?size=1";
        Path jdk = jdk();
        try (HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            AppProcess secured = new AppProcess(jdk, securedDir, spec.name(), http, auth)
                    .withEnvironment(raisedLimits(spec))
                    .logTo("kiln-bench-secured.log");
            AppProcess plain = new AppProcess(jdk, plainDir, spec.name(), http).logTo("kiln-bench-plain.log");
            try {
                secured.bootOrThrow(BOOT_TIMEOUT);
                plain.bootOrThrow(BOOT_TIMEOUT);
                Map.Entry<String, String> credentials = credentials(auth, http, secured.baseUri());
                HttpRequest securedGet = get(secured.baseUri().resolve(path), credentials);
                HttpRequest plainGet = get(plain.baseUri().resolve(path), null);
                RateLimitBenchmark.Latency[] overhead =
                        LoopbackLoad.alternate(securedGet, plainGet, settings.latencyRequests());
                Tokens tokens =
                        auth.type() == AuthType.OAUTH2 ? tokens(auth.tokenRequest(secured.baseUri()), settings) : null;
                FixedRate fixedRate = fixedRate(http, securedGet, settings);
                return new Result(path, auth.type(), tokens, fixedRate, overhead[0], overhead[1]);
            } finally {
                secured.stopOrThrow();
                plain.stopOrThrow();
            }
        }
    }

    private Path jdk() {
        return jdks.find().orElseThrow(() -> new KilnException("no JDK 21 or newer found for the service"));
    }

    /** Every limit far out of reach: the limiter still takes a token per request. */
    private static Map<String, String> raisedLimits(ServiceSpec spec) {
        Map<String, String> environment = new LinkedHashMap<>();
        RateLimitModel.of(spec).ifPresent(limits -> {
            for (RateLimitModel.Limit limit : limits.all()) {
                environment.put(limit.env() + "REQUESTS", RAISED);
            }
        });
        return environment;
    }

    private static Map.Entry<String, String> credentials(SmokeAuth auth, HttpClient http, URI base)
            throws InterruptedException {
        try {
            return auth.credentials(new SmokeClient(http, base, VerifyListener.NOOP));
        } catch (StepFailure e) {
            throw new KilnException("the service refused the benchmark's credentials: " + e.summary());
        }
    }

    private static HttpRequest get(URI uri, Map.@Nullable Entry<String, String> credentials) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header("Accept", "application/json");
        if (credentials != null) {
            request.header(credentials.getKey(), credentials.getValue());
        }
        return request.GET().build();
    }

    /** Concurrent clients requesting tokens until the run is over; each has its own connection. */
    private static Tokens tokens(HttpRequest request, Settings settings) throws InterruptedException {
        int clients = settings.tokenClients();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong start = new AtomicLong();
        CyclicBarrier ready = new CyclicBarrier(clients, () -> start.set(System.nanoTime()));
        List<Callable<long[]>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            work.add(() -> tokenClient(request, ready, start, settings.tokenRun()));
        }
        List<Long> latencies = new ArrayList<>();
        long failed = 0;
        try {
            for (Future<long[]> result : pool.invokeAll(work)) {
                long[] nanos = result.get();
                for (long n : nanos) {
                    if (n < 0) {
                        failed++;
                    } else {
                        latencies.add(n);
                    }
                }
            }
        } catch (ExecutionException e) {
            throw new KilnException("a benchmark client failed: " + e.getCause(), e);
        } finally {
            pool.shutdownNow();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start.get());
        if (latencies.isEmpty()) {
            throw new KilnException("the token endpoint issued no token in "
                    + settings.tokenRun().toSeconds() + " s");
        }
        return new Tokens(latencies.size(), failed, elapsed, LoopbackLoad.percentiles(unbox(latencies)));
    }

    /** One token client: latencies of its requests, negative for a failed one. */
    private static long[] tokenClient(HttpRequest request, CyclicBarrier ready, AtomicLong start, Duration run)
            throws InterruptedException, BrokenBarrierException {
        List<Long> nanos = new ArrayList<>();
        try (HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            ready.await();
            long end = start.get() + run.toNanos();
            while (System.nanoTime() - end < 0) {
                long begin = System.nanoTime();
                boolean ok;
                try {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    ok = response.statusCode() == 200 && response.body().contains("\"access_token\"");
                } catch (IOException e) {
                    ok = false;
                }
                long took = System.nanoTime() - begin;
                nanos.add(ok ? took : -1L);
            }
        }
        return unbox(nanos);
    }

    /** Requests sent on schedule, each timed from when it was due; the answers are awaited at the end. */
    private static FixedRate fixedRate(HttpClient http, HttpRequest request, Settings settings)
            throws InterruptedException {
        int count = (int) (settings.rate() * settings.rateRun().toMillis() / 1000);
        long period = 1_000_000_000L / settings.rate();
        List<CompletableFuture<Long>> answers = new ArrayList<>(count);
        long start = System.nanoTime() + 10_000_000L;
        for (int i = 0; i < count; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .handle((response, error) ->
                            error == null && response.statusCode() == 200 ? System.nanoTime() - due : -1L));
        }
        List<Long> latencies = new ArrayList<>();
        long other = 0;
        for (CompletableFuture<Long> answer : answers) {
            try {
                long took = answer.get();
                if (took < 0) {
                    other++;
                } else {
                    latencies.add(took);
                }
            } catch (ExecutionException e) {
                other++;
            }
        }
        if (latencies.isEmpty()) {
            throw new KilnException("no authenticated request succeeded in the fixed-rate run");
        }
        return new FixedRate(
                settings.rate(), count, latencies.size(), other, LoopbackLoad.percentiles(unbox(latencies)));
    }

    private static long[] unbox(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).toArray();
    }
}
