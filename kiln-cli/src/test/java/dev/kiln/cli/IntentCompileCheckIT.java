package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.cli.KilnCommandTests.Run;
import org.junit.jupiter.api.Test;

/**
 * {@code kiln bench intent --compile} on two labelled prompts: resolves the classpath with a generated
 * project's Maven wrapper, then generates and compiles both projects. Needs the generated projects'
 * dependencies (downloaded once into the local Maven repository), so it runs as an integration test.
 */
class IntentCompileCheckIT {
    @Test
    void twoPromptsGenerateCompilingProjects() {
        Run run = KilnCommandTests.kiln("bench", "intent", "--compile", "--only", "d04,n11");
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains("classpath: ")
                .containsPattern("d04 +ok ")
                .containsPattern("n11 +ok ")
                .contains("2/2 specs generate compiling projects");
    }
}
