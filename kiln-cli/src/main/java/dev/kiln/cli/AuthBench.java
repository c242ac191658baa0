package dev.kiln.cli;

import dev.kiln.codegen.GeneratedProject;
import dev.kiln.codegen.KilnVersion;
import dev.kiln.codegen.ProjectGenerator;
import dev.kiln.codegen.contributor.KilnRecordContributor;
import dev.kiln.codegen.verify.AuthBenchmark;
import dev.kiln.codegen.verify.JdkLocator;
import dev.kiln.codegen.verify.RateLimitBenchmark;
import dev.kiln.codegen.verify.VerifyListener;
import dev.kiln.codegen.writer.ProjectWriter;
import dev.kiln.spec.KilnException;
import dev.kiln.spec.ServiceSpec;
import dev.kiln.spec.io.SpecReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code kiln bench auth DIR}: runs {@link AuthBenchmark} on a built project with {@code features.auth} and
 * prints its figures. The twin without security is generated and packaged under {@code DIR/target/} the first
 * time, and reused while its spec stays the same.
 */
final class AuthBench {
    private static final String TWIN = "kiln-bench-plain";

    private AuthBench() {}

    static void run(Path dir, PrintWriter out) throws InterruptedException, IOException {
        ServiceSpec spec = BuiltProject.spec(dir);
        if (spec.features().auth() == null) {
            throw new KilnException(spec.name() + " has no features.auth: kiln bench auth measures what security"
                    + " costs; add auth to the spec, or use kiln bench ratelimit");
        }
        BuiltProject.requireBuilt(dir, spec.name());
        AuthBenchmark benchmark = new AuthBenchmark(JdkLocator.system());
        Path twin = twin(dir, spec, benchmark, out);
        AuthBenchmark.Settings settings = AuthBenchmark.Settings.DEFAULT;
        out.printf(
                Locale.ROOT,
                "Security of %s (%s) on 127.0.0.1, %d cores (figures depend on what else runs on the machine).%n",
                spec.name(),
                spec.features().auth().type().id(),
                Runtime.getRuntime().availableProcessors());
        out.flush();
        AuthBenchmark.Result r = benchmark.run(dir, spec, twin, settings);
        out.printf(
                Locale.ROOT,
                "Overhead: %d sequential GET %s per instance (after as many for warm-up), alternating between the"
                        + " service and its twin without auth and rate limits:%n",
                settings.latencyRequests(),
                r.path());
        out.println("latency (µs)            |    p50 |    p90 |    p99");
        row(out, "auth + rate limit", r.secured());
        row(out, "neither", r.plain());
        out.printf(Locale.ROOT, "Auth plus rate limiting add %.3f ms at p50.%n", r.overheadMillis());
        AuthBenchmark.Tokens t = r.tokens();
        if (t != null) {
            out.printf(
                    Locale.ROOT,
                    "Token endpoint (client credentials, %d clients, %.1f s): %d tokens, %.0f tokens/s, %d failed;"
                            + " latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms%n",
                    settings.tokenClients(),
                    t.elapsed().toMillis() / 1000.0,
                    t.issued(),
                    t.perSecond(),
                    t.failed(),
                    t.latency().p50() / 1000.0,
                    t.latency().p90() / 1000.0,
                    t.latency().p99() / 1000.0);
        }
        AuthBenchmark.FixedRate f = r.fixedRate();
        out.printf(
                Locale.ROOT,
                "Authenticated GET at a fixed %d req/s for %d s: %d sent, %d ok, %d other; latency from when each"
                        + " was due p50 %.2f ms, p90 %.2f ms, p99 %.2f ms%n",
                f.rate(),
                settings.rateRun().toSeconds(),
                f.sent(),
                f.ok(),
                f.other(),
                f.latency().p50() / 1000.0,
                f.latency().p90() / 1000.0,
                f.latency().p99() / 1000.0);
    }

    /** The twin without security under {@code DIR/target/}, generated and packaged unless already there. */
    private static Path twin(Path dir, ServiceSpec spec, AuthBenchmark benchmark, PrintWriter out)
            throws InterruptedException, IOException {
        ServiceSpec plain = AuthBenchmark.withoutSecurity(spec);
        Path twin = dir.resolve("target").resolve(TWIN);
        Path recorded = twin.resolve(KilnRecordContributor.SPEC);
        boolean current = Files.isRegularFile(recorded)
                && new SpecReader().read(recorded).equals(plain)
                && BuiltProject.built(twin, spec.name());
        if (current) {
            return twin;
        }
        if (Files.exists(twin)) {
            ProjectWriter.deleteRecursively(twin);
        }
        out.println("Generating the twin without auth and rate limits in " + twin + " and packaging it...");
        out.flush();
        GeneratedProject project = new ProjectGenerator(KilnVersion.get()).generate(plain);
        ProjectWriter.writeNew(project, twin);
        benchmark.buildJar(twin, VerifyListener.NOOP);
        return twin;
    }

    private static void row(PrintWriter out, String name, RateLimitBenchmark.Latency latency) {
        out.printf(Locale.ROOT, "%-23s | %6.0f | %6.0f | %6.0f%n", name, latency.p50(), latency.p90(), latency.p99());
    }
}
