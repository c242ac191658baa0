package dev.kiln.codegen.verify;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The {@code build} step: {@code ./mvnw -B -ntp verify} in the project, with the located JDK (or other goals,
 * for benchmarks that only need the jar).
 */
final class MavenBuild {
    private static final int TAIL_LINES = 200;
    private static final List<String> VERIFY = List.of("verify");

    private final Path projectDir;
    private final Path jdk;
    private final VerifyListener listener;
    private final List<String> goals;

    MavenBuild(Path projectDir, Path jdk, VerifyListener listener) {
        this(projectDir, jdk, listener, VERIFY);
    }

    /** A build that runs {@code goals} (and their options, e.g. {@code package -DskipTests}) instead. */
    MavenBuild(Path projectDir, Path jdk, VerifyListener listener, List<String> goals) {
        this.projectDir = projectDir;
        this.jdk = jdk;
        this.listener = listener;
        this.goals = List.copyOf(goals);
    }

    /**
     * Runs the build, streaming its output to the listener.
     *
     * @return the summary, e.g. {@code tests: 42 run, 0 failed}, or {@code ok} when no tests ran
     * @throws StepFailure when the wrapper is missing, cannot start or exits non-zero
     */
    String run() throws StepFailure, InterruptedException {
        LineTail tail = new LineTail(TAIL_LINES);
        TestTally tally = new TestTally();
        Process process = start();
        OutputPump pump = OutputPump.start(process.getInputStream(), line -> {
            tail.add(line);
            tally.accept(line);
            listener.output(line);
        });
        int exitCode;
        try {
            exitCode = process.waitFor();
            pump.join();
        } finally {
            if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
        String tests = tally.summary();
        if (exitCode != 0) {
            String summary = "mvnw " + String.join(" ", goals) + " failed (exit " + exitCode + ")";
            throw new StepFailure(tests.isEmpty() ? summary : summary + "; " + tests, tail.text());
        }
        return tests.isEmpty() ? "ok" : tests;
    }

    private Process start() throws StepFailure {
        Path wrapper = projectDir.resolve("mvnw");
        if (!Files.isRegularFile(wrapper)) {
            throw new StepFailure("no Maven wrapper: " + wrapper + " is missing");
        }
        ProcessBuilder builder = new ProcessBuilder(command(wrapper))
                .directory(projectDir.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> environment = builder.environment();
        environment.put("JAVA_HOME", jdk.toString());
        String path = environment.get("PATH");
        String bin = jdk.resolve("bin").toString();
        environment.put("PATH", path == null || path.isEmpty() ? bin : bin + File.pathSeparator + path);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new StepFailure("cannot run " + wrapper + ": " + e.getMessage());
        }
    }

    private List<String> command(Path wrapper) {
        String script = wrapper.toAbsolutePath().toString();
        List<String> launcher = Files.isExecutable(wrapper) ? List.of(script) : List.of("sh", script);
        return Stream.of(launcher, List.of("-B", "-ntp"), goals)
                .flatMap(List::stream)
                .toList();
    }
}
