package dev.kiln.codegen.verify;

import dev.kiln.spec.ServiceSpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs {@code kiln verify}: build, boot, smoke and stop a generated Spring Boot project, and report each step.
 *
 * <p>Steps run in order and stop at the first failure; the steps after it are reported as skipped, except
 * {@code stop}, which always runs once the app was started.
 */
public final class Verifier {
    /** The step that runs {@code ./mvnw -B -ntp verify}. */
    public static final String BUILD = "build";
    /** The step that starts the jar and waits for it to be healthy. */
    public static final String BOOT = "boot";
    /** The step that exercises the running app over HTTP. */
    public static final String SMOKE = "smoke";
    /** The step that shuts the app down. */
    public static final String STOP = "stop";

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final int SMOKE_LOG_LINES = 50;

    private final JdkLocator jdks;
    private final VerifyListener listener;
    private final Duration bootTimeout;

    /**
     * Makes a verifier.
     *
     * @param jdks finds the JDK 21+ that builds and runs the project
     * @param listener receives progress and results
     * @param bootTimeout how long the app may take to become healthy
     */
    public Verifier(JdkLocator jdks, VerifyListener listener, Duration bootTimeout) {
        this.jdks = jdks;
        this.listener = listener;
        this.bootTimeout = bootTimeout;
    }

    /**
     * Builds, boots, smoke-tests and stops the project.
     *
     * @param projectDir the generated project, with {@code mvnw} and {@code pom.xml}
     * @param artifactId the project's artifact id; the jar is {@code target/<artifactId>-0.0.1-SNAPSHOT.jar}
     * @param targets the CRUD resources the smoke test exercises
     * @return one result per step, build, boot, smoke and stop, in that order
     */
    public VerificationReport verify(Path projectDir, String artifactId, List<SmokeTarget> targets) {
        return verify(projectDir, artifactId, targets, SmokeAuth.none(), RateLimitProbe.NONE);
    }

    /**
     * Builds, boots, smoke-tests and stops the project a spec describes, with the credentials and rate limit
     * checks its features call for.
     *
     * @param projectDir the project generated from {@code spec}
     * @param spec the spec it was generated from
     * @return one result per step, build, boot, smoke and stop, in that order
     */
    public VerificationReport verify(Path projectDir, ServiceSpec spec) {
        return verify(projectDir, spec.name(), SmokeTargets.of(spec), SmokeAuth.of(spec), RateLimitProbe.of(spec));
    }

    /**
     * Builds, boots, smoke-tests and stops a project whose API may need credentials and limit request rates:
     * the app starts with the smoke test's throwaway credentials and {@link RateLimitProbe#environment()},
     * and the smoke test ends with the probe's check.
     *
     * @param projectDir the generated project, with {@code mvnw} and {@code pom.xml}
     * @param artifactId the project's artifact id; the jar is {@code target/<artifactId>-0.0.1-SNAPSHOT.jar}
     * @param targets the CRUD resources the smoke test exercises
     * @param auth how the smoke test gets credentials, from {@link SmokeAuth#of}
     * @param rateLimits the project's rate limits, {@link RateLimitProbe#NONE} for none
     * @return one result per step, build, boot, smoke and stop, in that order
     */
    public VerificationReport verify(
            Path projectDir, String artifactId, List<SmokeTarget> targets, SmokeAuth auth, RateLimitProbe rateLimits) {
        List<StepResult> results = new ArrayList<>();
        Optional<Path> jdk = jdks.find();
        StepResult build = step(BUILD, () -> {
            if (jdk.isEmpty()) {
                throw new StepFailure("no JDK 21 or newer found: install JDK 21+ or set JAVA_HOME to one");
            }
            return new MavenBuild(projectDir, jdk.get(), listener).run();
        });
        results.add(build);
        if (!build.passed() || jdk.isEmpty()) {
            return finish(results, BOOT, SMOKE, STOP);
        }
        try (HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .build()) {
            AppProcess app = new AppProcess(jdk.get(), projectDir, artifactId, http, auth)
                    .withEnvironment(rateLimits.environment());
            try {
                StepResult boot = step(BOOT, () -> app.boot(bootTimeout));
                results.add(boot);
                results.add(boot.passed() ? smoke(app, http, targets, auth, rateLimits) : skip(SMOKE));
            } finally {
                results.add(app.started() ? step(STOP, app::stop) : skip(STOP));
            }
        }
        return new VerificationReport(results);
    }

    private StepResult smoke(
            AppProcess app, HttpClient http, List<SmokeTarget> targets, SmokeAuth auth, RateLimitProbe rateLimits) {
        SmokeTest smoke = new SmokeTest(new SmokeClient(http, app.baseUri(), listener), auth, rateLimits);
        return step(SMOKE, () -> {
            try {
                return smoke.run(targets);
            } catch (StepFailure e) {
                String log = app.logTail(SMOKE_LOG_LINES);
                throw new StepFailure(
                        e.summary(),
                        e.output() + "\n\n--- last lines of target/" + AppProcess.LOG_FILE + " ---\n" + log);
            }
        });
    }

    private StepResult step(String name, StepBody body) {
        listener.stepStarted(name);
        long start = System.nanoTime();
        StepResult result;
        try {
            String summary = body.run();
            result = new StepResult(name, true, since(start), summary, "");
        } catch (StepFailure e) {
            result = new StepResult(name, false, since(start), e.summary(), e.output());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = new StepResult(name, false, since(start), "interrupted", "");
        } catch (RuntimeException e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            result = new StepResult(name, false, since(start), "unexpected error: " + e, trace.toString());
        }
        listener.stepFinished(result);
        return result;
    }

    private StepResult skip(String name) {
        StepResult result = StepResult.skipped(name);
        listener.stepFinished(result);
        return result;
    }

    private VerificationReport finish(List<StepResult> results, String... skipped) {
        for (String name : skipped) {
            results.add(skip(name));
        }
        return new VerificationReport(results);
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** The work of one step: returns its summary or throws why it failed. */
    @FunctionalInterface
    private interface StepBody {
        String run() throws StepFailure, InterruptedException;
    }
}
