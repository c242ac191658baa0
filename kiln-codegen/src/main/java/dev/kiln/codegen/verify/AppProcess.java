package dev.kiln.codegen.verify;

import dev.kiln.spec.KilnException;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generated service's jar running on a free loopback port: the {@code boot} and {@code stop} steps.
 *
 * <p>A project with a {@code run.sh} (every project Kiln generates) is started through it, with the JVM
 * settings its users get; otherwise with a plain {@code java -jar}.
 */
final class AppProcess {
    /** The file under {@code target/} that receives the app's stdout and stderr. */
    static final String LOG_FILE = "kiln-verify-app.log";

    /** The file under {@code target/} that receives the output of {@code run.sh --prepare}. */
    static final String PREPARE_LOG_FILE = "kiln-verify-prepare.log";

    private static final String RUN_SCRIPT = "run.sh";
    private static final Duration PREPARE_TIMEOUT = Duration.ofMinutes(5);
    private static final String LOOPBACK = "127.0.0.1";
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final long STOP_SECONDS = 30;
    private static final int LOG_TAIL_LINES = 200;

    private final Path jdk;
    private final Path projectDir;
    private final String artifactId;
    private final HttpClient http;
    private final SmokeAuth auth;
    private Map<String, String> environment = Map.of();
    private String logFile = LOG_FILE;
    private @Nullable Process process;
    private @Nullable Thread killOnExit;
    private int port;

    AppProcess(Path jdk, Path projectDir, String artifactId, HttpClient http) {
        this(jdk, projectDir, artifactId, http, SmokeAuth.none());
    }

    /** An app started with the throwaway credentials of the smoke test in its environment. */
    AppProcess(Path jdk, Path projectDir, String artifactId, HttpClient http, SmokeAuth auth) {
        this.jdk = jdk;
        this.projectDir = projectDir;
        this.artifactId = artifactId;
        this.http = http;
        this.auth = auth;
    }

    /** Adds environment variables for the app (not for {@code run.sh --prepare}); call before {@link #boot}. */
    AppProcess withEnvironment(Map<String, String> variables) {
        this.environment = Map.copyOf(variables);
        return this;
    }

    /** Sends the app's output to {@code target/<name>} instead of {@value #LOG_FILE}; call before {@link #boot}. */
    AppProcess logTo(String name) {
        this.logFile = name;
        return this;
    }

    /**
     * Starts the jar and waits until {@code /actuator/health} says UP.
     *
     * @return the summary, e.g. {@code healthy in 4.2 s}
     * @throws StepFailure when the jar is missing, or the app dies or stays unhealthy until the timeout
     */
    String boot(Duration timeout) throws StepFailure, InterruptedException {
        String prepared = prepare();
        long start = System.nanoTime();
        Process app = start();
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (!app.isAlive()) {
                throw new StepFailure(
                        "app exited with code " + app.exitValue() + " before it was healthy; see target/" + logFile,
                        logTail(LOG_TAIL_LINES));
            }
            if (healthy()) {
                return "healthy in " + VerificationReport.seconds(Duration.ofNanos(System.nanoTime() - start))
                        + prepared;
            }
            Thread.sleep(POLL_INTERVAL);
        }
        throw new StepFailure(
                "app not healthy within " + VerificationReport.seconds(timeout) + "; see target/" + logFile,
                logTail(LOG_TAIL_LINES));
    }

    /**
     * {@link #boot} for benchmarks, which have no step to report: a failure becomes a {@link KilnException}.
     *
     * @param timeout how long the app may take to become healthy
     */
    void bootOrThrow(Duration timeout) throws InterruptedException {
        try {
            boot(timeout);
        } catch (StepFailure e) {
            throw new KilnException("the service did not start: " + e.summary() + "\n" + e.output());
        }
    }

    /** {@link #stop} for benchmarks: nothing when it was not started; a failure becomes a {@link KilnException}. */
    void stopOrThrow() {
        if (!started()) {
            return;
        }
        try {
            stop();
        } catch (StepFailure e) {
            throw new KilnException("the service did not stop: " + e.summary());
        }
    }

    /** Whether {@link #boot} started a process, which then needs {@link #stop}. */
    boolean started() {
        return process != null;
    }

    /** The app's root URL, e.g. {@code http://127.0.0.1:41234}. */
    URI baseUri() {
        return URI.create("http://" + LOOPBACK + ":" + port);
    }

    /**
     * Stops the app with SIGTERM, so it shuts down gracefully, and kills it if it does not exit in 30 s.
     *
     * @return the summary, e.g. {@code stopped in 1.1 s (exit 143)}
     * @throws StepFailure when the app had to be killed
     */
    String stop() throws StepFailure {
        Process app = process;
        if (app == null) {
            return "not started";
        }
        try {
            if (!app.isAlive()) {
                return "had already exited with code " + app.exitValue();
            }
            long start = System.nanoTime();
            app.destroy();
            if (app.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                return "stopped in " + VerificationReport.seconds(took) + " (exit " + app.exitValue() + ")";
            }
            app.destroyForcibly().waitFor(STOP_SECONDS, TimeUnit.SECONDS);
            throw new StepFailure(
                    "app did not stop within " + STOP_SECONDS + " s of SIGTERM; killed it", logTail(LOG_TAIL_LINES));
        } catch (InterruptedException e) {
            app.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new StepFailure("interrupted while stopping the app; killed it");
        } finally {
            forgetKillOnExit();
        }
    }

    /** The last lines the app logged, or a note saying why there are none. */
    String logTail(int count) {
        return tail(projectDir.resolve("target").resolve(logFile), count);
    }

    private static String tail(Path log, int count) {
        try {
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    /**
     * Runs {@code run.sh --prepare} when the project has one: it extracts the jar and trains the class
     * cache, so that the boot that follows is timed like every later start.
     *
     * @return a note for the boot summary, empty when there is no {@code run.sh}
     */
    private String prepare() throws StepFailure, InterruptedException {
        Path script = projectDir.resolve(RUN_SCRIPT);
        if (!Files.isRegularFile(script)) {
            return "";
        }
        jar();
        Path log = projectDir.resolve("target").resolve(PREPARE_LOG_FILE);
        ProcessBuilder builder = new ProcessBuilder(launcher(script, List.of("--prepare")))
                .directory(projectDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("JAVA_HOME", jdk.toString());
        long start = System.nanoTime();
        Process prepare;
        try {
            prepare = builder.start();
        } catch (IOException e) {
            throw new StepFailure("cannot run " + RUN_SCRIPT + " --prepare: " + e.getMessage());
        }
        try {
            if (!prepare.waitFor(PREPARE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                prepare.destroyForcibly();
                throw new StepFailure(
                        RUN_SCRIPT + " --prepare took longer than " + VerificationReport.seconds(PREPARE_TIMEOUT),
                        tail(log, LOG_TAIL_LINES));
            }
        } catch (InterruptedException e) {
            prepare.destroyForcibly();
            throw e;
        }
        if (prepare.exitValue() != 0) {
            throw new StepFailure(
                    RUN_SCRIPT + " --prepare failed (exit " + prepare.exitValue() + "); see target/" + PREPARE_LOG_FILE,
                    tail(log, LOG_TAIL_LINES));
        }
        return " with " + RUN_SCRIPT + " (class cache trained in "
                + VerificationReport.seconds(Duration.ofNanos(System.nanoTime() - start)) + ")";
    }

    private Path jar() throws StepFailure {
        Path jar = projectDir.resolve("target").resolve(artifactId + "-0.0.1-SNAPSHOT.jar");
        if (!Files.isRegularFile(jar)) {
            throw new StepFailure("no jar at target/" + jar.getFileName() + "; the build did not package one");
        }
        return jar;
    }

    private static List<String> launcher(Path script, List<String> arguments) {
        List<String> command = new ArrayList<>();
        if (!Files.isExecutable(script)) {
            command.add("bash");
        }
        command.add(script.toAbsolutePath().toString());
        command.addAll(arguments);
        return command;
    }

    private Process start() throws StepFailure {
        Path target = projectDir.resolve("target");
        Path jar = jar();
        port = freePort();
        List<String> appArguments = List.of("--server.port=" + port, "--server.address=" + LOOPBACK);
        Path script = projectDir.resolve(RUN_SCRIPT);
        List<String> command = new ArrayList<>();
        if (Files.isRegularFile(script)) {
            command.addAll(launcher(script, appArguments));
        } else {
            command.add(jdk.resolve("bin").resolve("java").toString());
            command.add("-jar");
            command.add(jar.toAbsolutePath().toString());
            command.addAll(appArguments);
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(projectDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(target.resolve(logFile).toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(auth.environment(projectDir));
        builder.environment().put("JAVA_HOME", jdk.toString());
        builder.environment().putAll(environment);
        try {
            Process app = builder.start();
            process = app;
            Thread hook = new Thread(app::destroy, "kiln-verify-kill-app");
            Runtime.getRuntime().addShutdownHook(hook);
            killOnExit = hook;
            return app;
        } catch (IOException e) {
            throw new StepFailure("cannot start " + jar.getFileName() + ": " + e.getMessage());
        }
    }

    private boolean healthy() throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(baseUri().resolve("/actuator/health"))
                .timeout(PROBE_TIMEOUT)
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200
                    && JsonMapper.shared()
                            .readTree(response.body())
                            .path("status")
                            .asString("")
                            .equals("UP");
        } catch (IOException | JacksonException e) {
            return false;
        }
    }

    private void forgetKillOnExit() {
        Thread hook = killOnExit;
        killOnExit = null;
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down and the hook is running or ran.
            }
        }
    }

    private static int freePort() throws StepFailure {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new StepFailure("cannot find a free port on " + LOOPBACK + ": " + e.getMessage());
        }
    }
}
