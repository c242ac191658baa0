package dev.kiln.cli;

import dev.kiln.codegen.verify.JdkLocator;
import dev.kiln.codegen.verify.RateLimitBenchmark;
import dev.kiln.spec.AuthType;
import dev.kiln.spec.KilnException;
import dev.kiln.spec.ServiceSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/** {@code kiln bench ratelimit DIR}: runs {@link RateLimitBenchmark} and prints its figures. */
final class RateLimitBench {
    private RateLimitBench() {}

    static void run(Path dir, PrintWriter out) throws InterruptedException {
        ServiceSpec spec = BuiltProject.spec(dir);
        if (spec.features().auth() != null && spec.features().auth().type() != AuthType.NONE) {
            throw new KilnException(spec.name() + " has features.auth, and kiln bench ratelimit drives the API"
                    + " without credentials: run kiln bench auth " + dir + " for what auth plus rate limiting"
                    + " cost, and kiln bench ratelimit on a service without auth (e.g. examples/blog.kiln.yaml)"
                    + " for the limiter's accuracy");
        }
        BuiltProject.requireBuilt(dir, spec.name());
        RateLimitBenchmark.Settings settings = RateLimitBenchmark.Settings.DEFAULT;
        out.printf(
                Locale.ROOT,
                "Rate limiter of %s on 127.0.0.1, %d cores (figures depend on what else runs on the machine).%n",
                spec.name(),
                Runtime.getRuntime().availableProcessors());
        out.printf(
                Locale.ROOT,
                "Latency: %d sequential requests per instance, alternating between an instance with and one without"
                        + " the limiter. Accuracy: %d clients, one API key, %d.5 windows of %d ms, limit a tenth of"
                        + " the throughput measured without the limiter.%n",
                settings.latencyRequests(),
                settings.clients(),
                settings.windows(),
                settings.window().toMillis());
        out.flush();
        RateLimitBenchmark.Result result = new RateLimitBenchmark(JdkLocator.system()).run(dir, spec, settings);
        RateLimitBenchmark.Accuracy a = result.accuracy();
        out.printf(
                Locale.ROOT,
                "Throughput without the limiter, %d clients: %.0f req/s; accuracy run with a limit of %d per %d ms.%n",
                settings.clients(),
                result.throughput(),
                a.limit(),
                settings.window().toMillis());
        out.printf(
                Locale.ROOT,
                "GET %s: %d allowed (expected %d, %+.2f%%), %d rejected with 429, %d other, in %.1f s (%.0f req/s)%n",
                result.path(),
                a.allowed(),
                a.expected(),
                a.deviationPercent(),
                a.rejected(),
                a.other(),
                a.elapsed().toMillis() / 1000.0,
                (a.allowed() + a.rejected() + a.other()) / (a.elapsed().toMillis() / 1000.0));
        out.println("allowed per window: " + a.allowedPerWindow() + " (the last is half a window)");
        if (a.windowsWithoutRejection() > 0) {
            out.printf(
                    Locale.ROOT,
                    "Warning: in %d window(s) the clients never reached the limit (the machine was too busy), so"
                            + " fewer than expected were allowed there; run again on a quieter machine.%n",
                    a.windowsWithoutRejection());
        }
        out.println("latency (µs)     |    p50 |    p90 |    p99");
        row(out, "with limiter", result.limited());
        row(out, "without limiter", result.unlimited());
        out.printf(
                Locale.ROOT,
                "The limiter adds %.0f µs at p50 (%.3f ms).%n",
                result.limited().p50() - result.unlimited().p50(),
                (result.limited().p50() - result.unlimited().p50()) / 1000.0);
    }

    private static void row(PrintWriter out, String name, RateLimitBenchmark.Latency latency) {
        out.printf(Locale.ROOT, "%-16s | %6.0f | %6.0f | %6.0f%n", name, latency.p50(), latency.p90(), latency.p99());
    }
}
