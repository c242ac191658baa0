package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
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
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kiln image} end to end on the shipped example (the build {@link GeneratedProjectIT} made, when it ran
 * first): a cold build that jlinks the runtime, a warm one from the cache with the same digest, and, where
 * podman is installed, the image loaded and run with a health check and a CRUD call.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImageIT {
    private static final String TAG = "kiln-image-it/blog:test";
    private static final Pattern IMAGE_ID = Pattern.compile("(?m)^  image id  (sha256:[0-9a-f]{64})$");
    private static final Pattern DIGEST = Pattern.compile("(?m)^  digest    (sha256:[0-9a-f]{64})$");
    private static final Duration HEALTHY_WITHIN = Duration.ofMinutes(3);

    @TempDir
    static Path cache;

    private static Optional<Path> tarball = Optional.empty();

    @Test
    @Order(1)
    void buildsTheSameImageTwiceTheSecondTimeFromTheCachedBase() throws IOException {
        Run cold = image();
        assertThat(cold.code()).as(cold::err).isZero();
        assertThat(cold.out())
                .contains("Image " + TAG + " written to")
                .contains("runtime ok")
                .doesNotContain("(runtime base from the cache)")
                .containsPattern("(?m)^  system +[0-9.]+ MB")
                .containsPattern("(?m)^  java-runtime +[0-9.]+ MB")
                .containsPattern("(?m)^  dependencies +[0-9.]+ MB")
                .containsPattern("(?m)^  application +[0-9.]+ MB");
        Path first = Files.copy(tarball(), cache.resolve("first.tar"));

        Run warm = image();

        assertThat(warm.code()).as(warm::err).isZero();
        assertThat(warm.out())
                .contains("(runtime base from the cache)")
                .contains("modules ok")
                .contains("(cached)");
        assertThat(group(IMAGE_ID, warm.out())).isEqualTo(group(IMAGE_ID, cold.out()));
        assertThat(group(DIGEST, warm.out())).isEqualTo(group(DIGEST, cold.out()));
        assertThat(Files.mismatch(first, tarball())).isEqualTo(-1L);
    }

    @Test
    @Order(2)
    void theImageRunsUnderPodmanAndServesTheApi() throws Exception {
        Assumptions.assumeTrue(
                Podman.available(),
                "podman is not installed: skipping the container run (apt-get install podman runc)");
        if (tarball.isEmpty()) {
            assertThat(image().code()).isZero();
        }
        String container = "kiln-image-it-" + UUID.randomUUID();
        int port = freePort();
        try (HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            assertThat(Podman.run("load", "-i", tarball().toString()).output()).contains(TAG);
            Podman.Result started = Podman.run(Podman.runArguments(container, port, TAG));
            assertThat(started.code()).as(started::output).isZero();
            URI base = URI.create("http://127.0.0.1:" + port);
            awaitHealthy(http, base, container);

            HttpResponse<String> created = http.send(
                    HttpRequest.newBuilder(base.resolve("/api/tags"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"label\":\"podman\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created::body).isEqualTo(201);
            String location = created.headers().firstValue("Location").orElseThrow();
            HttpResponse<String> read = http.send(
                    HttpRequest.newBuilder(base.resolve(URI.create(location).getPath()))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.body()).contains("\"label\":\"podman\"");
        } finally {
            Podman.run("rm", "-f", container);
            Podman.run("rmi", "-f", TAG);
        }
    }

    private static void awaitHealthy(HttpClient http, URI base, String container) throws Exception {
        long deadline = System.nanoTime() + HEALTHY_WITHIN.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> health = http.send(
                        HttpRequest.newBuilder(base.resolve("/actuator/health"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
                last = health.statusCode() + " " + health.body();
            } catch (IOException e) {
                last = e.toString();
            }
            if (!Podman.run("inspect", "-f", "{{.State.Running}}", container)
                    .output()
                    .contains("true")) {
                break;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the container did not become healthy (" + last + "); its log:\n"
                + Podman.run("logs", container).output());
    }

    private static Run image() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Kiln.run(
                new String[] {"image", ExampleProject.dir().toString(), "--cache-dir", cache.toString(), "--tag", TAG},
                new PrintWriter(out),
                new PrintWriter(err));
        if (code == 0) {
            tarball = Optional.of(ExampleProject.dir().resolve("target/blog-image.tar"));
        }
        return new Run(code, out.toString(), err.toString());
    }

    private static Path tarball() {
        return tarball.orElseThrow(() -> new AssertionError("no image was built"));
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as(() -> pattern + " in\n" + text).isTrue();
        return matcher.group(1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private record Run(int code, String out, String err) {}

    /** The podman command line, with a time limit per call. */
    private static final class Podman {
        private static final Duration TIMEOUT = Duration.ofMinutes(3);

        static boolean available() {
            return onPath("podman") && run("version").code() == 0;
        }

        /** Detached, loopback-only, with limits that keep it small; runc when it is installed. */
        static String[] runArguments(String container, int port, String image) {
            List<String> arguments = new ArrayList<>(List.of("run", "-d", "--name", container));
            if (onPath("runc")) {
                arguments.addAll(List.of("--runtime", "runc"));
            }
            arguments.addAll(List.of(
                    "--ulimit",
                    "nofile=1024:1024",
                    "--ulimit",
                    "nproc=1024:1024",
                    "--memory",
                    "768m",
                    "-p",
                    "127.0.0.1:" + port + ":8080",
                    image));
            return arguments.toArray(String[]::new);
        }

        static Result run(String... arguments) {
            List<String> command = new ArrayList<>(List.of("podman"));
            command.addAll(List.of(arguments));
            try {
                Path output = Files.createTempFile("kiln-podman", ".log");
                try {
                    Process process = new ProcessBuilder(command)
                            .redirectErrorStream(true)
                            .redirectOutput(output.toFile())
                            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                            .start();
                    if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                        return new Result(-1, "timed out: " + command);
                    }
                    return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
                } finally {
                    Files.deleteIfExists(output);
                }
            } catch (IOException e) {
                return new Result(-1, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(-1, "interrupted");
            }
        }

        private static boolean onPath(String program) {
            String path = System.getenv("PATH");
            return path != null
                    && List.of(path.split(File.pathSeparator)).stream()
                            .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
        }

        record Result(int code, String output) {}
    }
}
