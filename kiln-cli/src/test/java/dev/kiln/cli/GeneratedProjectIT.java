package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.codegen.verify.JdkLocator;
import dev.kiln.codegen.verify.StepResult;
import dev.kiln.codegen.verify.VerificationReport;
import dev.kiln.codegen.verify.Verifier;
import dev.kiln.codegen.verify.VerifyListener;
import dev.kiln.spec.ServiceSpec;
import dev.kiln.spec.io.SpecReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promise end to end: the shipped example (six entities, every field type and relation kind) compiles
 * to a project that builds with its own wrapper, passes its own tests including PostgreSQL, boots, and
 * answers a live CRUD smoke test. The project is shared with {@link ImageIT}, which images the same build.
 * And the headline prompt's secured service, verified the same way.
 */
class GeneratedProjectIT {
    @Test
    void exampleSpecGeneratesAProjectThatVerifies() {
        ServiceSpec spec = ExampleProject.spec();
        Path target = ExampleProject.dir();

        Verifier verifier = new Verifier(JdkLocator.system(), VerifyListener.NOOP, Duration.ofMinutes(3));
        VerificationReport report = verifier.verify(target, spec);

        assertThat(report.steps()).extracting(StepResult::step).containsExactly("build", "boot", "smoke", "stop");
        assertThat(report.passed())
                .as(() -> report.table() + "\n" + failureOutput(report.steps()))
                .isTrue();
        assertThat(report.steps().get(0).summary()).contains("0 failed");
        assertThat(report.steps().get(2).summary()).contains("POST /login limited after 30 attempts");
    }

    /**
     * The README's first command, without network or model: the headline prompt gives a service that is its
     * own OAuth 2.1 authorization server with rate limits, and verify gets a token and passes.
     */
    @Test
    void theHeadlinePromptGivesASecuredServiceThatVerifies(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("auth");
        KilnCommandTests.Run generated = KilnCommandTests.kiln(
                "new",
                "Create a user authentication service with OAuth2 and rate limiting",
                "--out",
                target.toString(),
                "--no-verify");
        assertThat(generated.code()).as(generated.err()).isZero();
        ServiceSpec spec = new SpecReader().read(target.resolve("kiln.yaml"));
        assertThat(spec.features().auth()).isNotNull();
        assertThat(spec.features().rateLimit()).isNotNull();

        Verifier verifier = new Verifier(JdkLocator.system(), VerifyListener.NOOP, Duration.ofMinutes(3));
        VerificationReport report = verifier.verify(target, spec);

        assertThat(report.passed())
                .as(() -> report.table() + "\n" + failureOutput(report.steps()))
                .isTrue();
        assertThat(report.steps().get(0).summary()).contains("0 failed");
        assertThat(report.steps().get(2).summary()).contains("POST /login limited after");
    }

    private static String failureOutput(List<StepResult> steps) {
        return steps.stream()
                .filter(s -> !s.passed())
                .map(StepResult::failureOutput)
                .findFirst()
                .orElse("");
    }
}
