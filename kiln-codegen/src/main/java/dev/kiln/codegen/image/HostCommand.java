package dev.kiln.codegen.image;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A program run on the build host ({@code jlink}, {@code jdeps}, {@code ldd}, the project's {@code mvnw}), with a
 * time limit, standard input closed, and its merged output captured.
 */
final class HostCommand {
    private static final int KEPT_LINES = 4_000;
    private static final int TAIL_LINES = 60;

    private final List<String> command;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private @Nullable Path directory;
    private Duration timeout = Duration.ofMinutes(5);
    private Consumer<String> lines = line -> {};

    private HostCommand(List<String> command) {
        this.command = List.copyOf(command);
    }

    static HostCommand of(List<String> command) {
        return new HostCommand(command);
    }

    HostCommand in(Path directory) {
        this.directory = directory;
        return this;
    }

    HostCommand env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    HostCommand timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    HostCommand onLine(Consumer<String> lines) {
        this.lines = lines;
        return this;
    }

    /**
     * Runs the program to its end.
     *
     * @param what what the program does, for error messages, e.g. {@code jlink}
     * @return its output (standard output and error merged), at most the last few thousand lines
     * @throws ImageBuildException when it cannot start, exits non-zero or runs out of time
     */
    String run(String what) {
        Result result = start(what);
        if (result.exitCode != 0) {
            throw new ImageBuildException(what + " failed (exit " + result.exitCode + ")", result.tail());
        }
        return String.join("\n", result.lines);
    }

    /**
     * Runs the program and returns its output whatever its exit code, for programs such as {@code ldd} that
     * exit non-zero for some of several inputs.
     *
     * @param what what the program does, for error messages
     * @return its output
     * @throws ImageBuildException when it cannot start or runs out of time
     */
    String runAllowingFailure(String what) {
        return String.join("\n", start(what).lines);
    }

    private Result start(String what) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new ImageBuildException("cannot run " + what + " (" + command.getFirst() + ")", e);
        }
        return await(what, process);
    }

    private Result await(String what, Process process) {
        Deque<String> kept = new ArrayDeque<>();
        Thread pump = Thread.ofPlatform().name("kiln-image-output").daemon().start(() -> drain(process, kept));
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                pump.join(TimeUnit.SECONDS.toMillis(5));
                throw new ImageBuildException(
                        what + " did not finish within " + timeout.toSeconds() + " s", tail(snapshot(kept)));
            }
            pump.join();
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new ImageBuildException(what + " was interrupted", "");
        }
        return new Result(process.exitValue(), snapshot(kept));
    }

    private void drain(Process process, Deque<String> kept) {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                synchronized (kept) {
                    kept.addLast(line);
                    if (kept.size() > KEPT_LINES) {
                        kept.removeFirst();
                    }
                }
                lines.accept(line);
            }
        } catch (IOException e) {
            // The stream closes when the child is killed; what was read has been kept.
        }
    }

    private static List<String> snapshot(Deque<String> kept) {
        synchronized (kept) {
            return new ArrayList<>(kept);
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static String tail(List<String> lines) {
        return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    }

    private record Result(int exitCode, List<String> lines) {
        String tail() {
            return HostCommand.tail(lines);
        }
    }
}
