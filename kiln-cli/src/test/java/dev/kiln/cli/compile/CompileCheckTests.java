package dev.kiln.cli.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.codegen.KilnVersion;
import dev.kiln.codegen.ProjectGenerator;
import dev.kiln.intent.IntentParser;
import dev.kiln.intent.UnclearPromptException;
import dev.kiln.intent.eval.EvaluationCase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check's bookkeeping, without Maven: {@code IntentCompileCheckIT} runs it for real. */
class CompileCheckTests {
    @Test
    void aPromptTheParserRefusesFailsAtParseAndNeedsNoClasspath(@TempDir Path dir) {
        IntentParser refuses = prompt -> {
            throw new UnclearPromptException("nothing to store");
        };
        List<String> heard = new ArrayList<>();
        CompileCheck check = new CompileCheck(
                refuses,
                new ProjectGenerator(KilnVersion.get()),
                project -> {
                    throw new AssertionError("no classpath is needed when nothing was generated");
                },
                SourceSet.ALL,
                new CompileCheck.Listener() {
                    @Override
                    public void checked(CompileCheck.Outcome outcome) {
                        heard.add(outcome.id());
                    }
                });
        EvaluationCase c = new EvaluationCase("x1", false, "hello", List.of(), Map.of(), List.of(), List.of());

        CompileCheck.Report report = check.run(List.of(c), dir);

        assertThat(report.allPassed()).isFalse();
        assertThat(report.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.stage()).isEqualTo("parse");
            assertThat(o.errors()).singleElement().asString().contains("nothing to store");
        });
        assertThat(heard).containsExactly("x1");
    }
}
