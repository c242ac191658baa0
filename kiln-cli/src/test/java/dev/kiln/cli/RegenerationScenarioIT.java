package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.cli.RegenerationScenarios.Project;
import dev.kiln.cli.RegenerationScenarios.Scenario;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Some rows of {@link RegenerationScenarioTests}, then what {@code kiln verify} does to the regenerated
 * project: build it with its wrapper, run its tests (H2, and PostgreSQL, which applies {@code V1} and the new
 * migration), boot it and smoke-test it. Proves that a merged edit, a renamed column or table and a
 * customizer the user filled in still make a working service.
 */
class RegenerationScenarioIT {
    private static final List<String> VERIFIED = List.of(
            "renamed field merges into a service whose method body the user edited",
            "edited extension point survives a spec change untouched",
            "renamed entity (renamedFrom): the table is renamed, old files replaced by new ones");

    static Stream<Scenario> scenarios() {
        List<Scenario> chosen = RegenerationScenarioTests.scenarios().stream()
                .filter(s -> VERIFIED.contains(s.name()))
                .toList();
        assertThat(chosen).hasSize(VERIFIED.size());
        return chosen.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void regeneratedProjectVerifies(Scenario scenario, @TempDir Path dir) throws IOException {
        Project project = RegenerationScenarios.run(scenario, dir);
        ServiceSpec spec = new SpecReader().read(project.root().resolve(".kiln/spec.yaml"));

        VerificationReport report = new Verifier(JdkLocator.system(), VerifyListener.NOOP, Duration.ofMinutes(3))
                .verify(project.root(), spec);

        assertThat(report.passed())
                .as(() -> report.table() + "\n"
                        + report.steps().stream()
                                .filter(s -> !s.passed())
                                .map(StepResult::failureOutput)
                                .findFirst()
                                .orElse(""))
                .isTrue();
        assertThat(report.steps().getFirst().summary()).contains("0 failed");
    }
}
