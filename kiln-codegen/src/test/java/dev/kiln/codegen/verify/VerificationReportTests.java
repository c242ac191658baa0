package dev.kiln.codegen.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerificationReportTests {

    @Test
    void rendersAFixedWidthTable() {
        VerificationReport report = new VerificationReport(List.of(
                new StepResult("build", true, Duration.ofMillis(48_230), "tests: 42 run, 0 failed", ""),
                new StepResult("boot", true, Duration.ofMillis(4_210), "healthy in 4.2 s", ""),
                new StepResult("smoke", false, Duration.ofMillis(800), "GET /api/tags -> 500:\na server error", "x"),
                new StepResult("stop", true, Duration.ofMillis(1_049), "stopped in 1.0 s (exit 143)", "")));

        assertThat(report.table()).isEqualTo("""
                        step  | result |   time | summary
                        ------+--------+--------+--------
                        build | PASS   | 48.2 s | tests: 42 run, 0 failed
                        boot  | PASS   |  4.2 s | healthy in 4.2 s
                        smoke | FAIL   |  0.8 s | GET /api/tags -> 500: a server error
                        stop  | PASS   |  1.0 s | stopped in 1.0 s (exit 143)
                        """);
    }

    @Test
    void marksSkippedStepsWithoutATime() {
        VerificationReport report = new VerificationReport(List.of(
                new StepResult("build", false, Duration.ofSeconds(3), "mvnw verify failed (exit 1)", "boom"),
                StepResult.skipped("boot")));

        assertThat(report.table())
                .contains("build | FAIL   | 3.0 s | mvnw verify failed (exit 1)")
                .contains("boot  | SKIP   |     - | skipped");
    }

    @Test
    void passesOnlyWhenEveryStepPassed() {
        StepResult passed = new StepResult("build", true, Duration.ofSeconds(1), "ok", "");

        assertThat(new VerificationReport(List.of(passed)).passed()).isTrue();
        assertThat(new VerificationReport(List.of(passed, StepResult.skipped("boot"))).passed())
                .isFalse();
        assertThat(new VerificationReport(List.of()).passed()).isFalse();
    }

    @Test
    void tellsSkippedStepsFromFailedOnes() {
        assertThat(StepResult.skipped("smoke").skipped()).isTrue();
        assertThat(new StepResult("smoke", false, Duration.ofMillis(5), "skipped", "").skipped())
                .isFalse();
    }
}
