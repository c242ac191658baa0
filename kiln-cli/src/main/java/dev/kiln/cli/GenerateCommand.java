package dev.kiln.cli;

import dev.kiln.codegen.GeneratedProject;
import dev.kiln.codegen.KilnVersion;
import dev.kiln.codegen.ProjectGenerator;
import dev.kiln.codegen.writer.ProjectWriter;
import dev.kiln.spec.ServiceSpec;
import dev.kiln.spec.io.SpecReader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kiln generate SPEC --out DIR}: compiles a spec into a Spring Boot project. */
@Command(
        name = "generate",
        description = "Compile a spec into a Spring Boot project (atomically; never over files Kiln did not write).",
        mixinStandardHelpOptions = true)
final class GenerateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SPEC", description = "The spec file (kiln.yaml).")
    @SuppressWarnings("NullAway.Init")
    private Path specFile;

    @Option(
            names = {"-o", "--out"},
            paramLabel = "DIR",
            description = "Target directory; default: ./<name>.")
    private @Nullable Path out;

    @picocli.CommandLine.Spec
    @SuppressWarnings("NullAway.Init")
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        ServiceSpec service = new SpecReader().read(specFile);
        GeneratedProject project = new ProjectGenerator(KilnVersion.get()).generate(service);
        Path target = out != null ? out : Path.of(service.name());
        ProjectWriter.writeNew(project, target);
        long millis = (System.nanoTime() - start) / 1_000_000;
        var stdout = spec.commandLine().getOut();
        stdout.printf("Generated %s: %d files in %s (%d ms).%n", service.name(), project.size(), target, millis);
        stdout.printf("Next: ./kiln verify %s   (or: cd %s && ./mvnw spring-boot:run)%n", target, target);
        return ExitCodes.OK;
    }
}
