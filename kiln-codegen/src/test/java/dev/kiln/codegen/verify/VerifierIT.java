package dev.kiln.codegen.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Verifies a real copy of the reference blog project end to end: Maven build, boot, HTTP smoke test, stop.
 *
 * <p>Runs only when the system property or environment variable {@code KILN_VERIFY_IT} names the project folder
 * (a copy of {@code /work/proto/blog}; the build writes into its {@code target/}). The report and every output
 * line are written to {@code target/verifier-it-report.txt}.
 */
class VerifierIT {
    private static final String SWITCH = "KILN_VERIFY_IT";

    @Test
    void verifiesTheBlogProjectEndToEnd() throws IOException {
        String location = System.getProperty(SWITCH, System.getenv(SWITCH));
        assumeThat(location)
                .as(
                        "set -D%s or the environment variable %s to a copy of the blog project to run this test",
                        SWITCH, SWITCH)
                .isNotBlank();
        Path project = Path.of(location);
        RecordingListener listener = new RecordingListener();

        VerificationReport report = new Verifier(JdkLocator.system(), listener, Duration.ofMinutes(2))
                .verify(project, "blog", blogTargets());

        writeReport(report, listener);
        assertThat(report.steps()).extracting(StepResult::step).containsExactly("build", "boot", "smoke", "stop");
        assertThat(report.passed()).as(() -> report.table() + failures(report)).isTrue();
        assertThat(report.steps().getFirst().summary()).startsWith("tests: ").endsWith(" 0 failed");
        assertThat(report.steps().get(2).summary()).endsWith(" requests, all as expected");
        assertThat(listener.lines).contains("POST /api/posts -> 201", "DELETE /api/authors/1 -> 204");
    }

    /** The blog's resources, Post first so that the smoke test has to order them. */
    private static List<SmokeTarget> blogTargets() {
        Map<String, Object> post = Map.of(
                "title", "Hello, Kiln",
                "body", "A post made by kiln verify.",
                "status", "PUBLISHED",
                "publishedAt", "2026-01-01T10:00:00Z",
                "rating", 4,
                "price", new BigDecimal("9.99"));
        return List.of(
                new SmokeTarget(
                        "Post",
                        "posts",
                        post,
                        Map.of("rating", 9),
                        Map.of("title", "Hello again"),
                        List.of(
                                new SmokeTarget.Reference("authorId", "Author", false, true),
                                new SmokeTarget.Reference("tagIds", "Tag", true, false))),
                new SmokeTarget(
                        "Author",
                        "authors",
                        Map.of("name", "Ada Lovelace", "email", "ada@example.com"),
                        Map.of("email", "not-an-email"),
                        Map.of("name", "Ada King"),
                        List.of()),
                new SmokeTarget("Tag", "tags", Map.of("name", "smoke"), Map.of("name", ""), Map.of(), List.of()),
                new SmokeTarget(
                        "Order",
                        "orders",
                        Map.of("from", "Alice", "total", new BigDecimal("12.50")),
                        Map.of("total", -1),
                        Map.of("total", new BigDecimal("20.00")),
                        List.of()));
    }

    private static String failures(VerificationReport report) {
        StringBuilder text = new StringBuilder();
        for (StepResult step : report.steps()) {
            if (!step.failureOutput().isEmpty()) {
                text.append("\n--- ").append(step.step()).append(" ---\n").append(step.failureOutput());
            }
        }
        return text.toString();
    }

    private static void writeReport(VerificationReport report, RecordingListener listener) throws IOException {
        Path file = Path.of("target", "verifier-it-report.txt");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(
                file, report.table() + failures(report) + "\n\n--- output ---\n" + String.join("\n", listener.lines));
    }
}
