package dev.kiln.cli;

import dev.kiln.codegen.GeneratedProject;
import dev.kiln.codegen.KilnVersion;
import dev.kiln.codegen.ProjectGenerator;
import dev.kiln.codegen.merge.RegenerationPlan;
import dev.kiln.codegen.merge.Regenerator;
import dev.kiln.codegen.writer.ProjectWriter;
import dev.kiln.spec.ServiceSpec;
import dev.kiln.spec.io.SpecReader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kiln generate SPEC --out DIR}: compiles a spec into a Spring Boot project, or regenerates an
 * existing Kiln project with a three-way merge that keeps the user's edits.
 */
@Command(
        name = "generate",
        description = {
            "Compile a spec into a Spring Boot project (atomically; never over files Kiln did not write).",
            "Into an existing Kiln project: a three-way merge per file that keeps your edits; overlapping"
                    + " changes get conflict markers and exit code 3."
        },
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

    @Option(names = "--dry-run", description = "Regenerating: print the plan and a unified diff, change nothing.")
    private boolean dryRun;

    @Option(names = "--restore", description = "Regenerating: bring back generated files you deleted.")
    private boolean restore;

    @Option(
            names = "--allow-destructive",
            description = "Regenerating: let the new migration drop tables or columns or narrow types.")
    private boolean allowDestructive;

    @picocli.CommandLine.Spec
    @SuppressWarnings("NullAway.Init")
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        ServiceSpec service = new SpecReader().read(specFile);
        ProjectGenerator generator = new ProjectGenerator(KilnVersion.get());
        Path target = out != null ? out : Path.of(service.name());
        PrintWriter stdout = spec.commandLine().getOut();
        if (Files.isDirectory(target.resolve(ProjectWriter.KILN_DIR))) {
            return regenerate(generator, service, target, start, stdout);
        }
        if (dryRun) {
            stdout.printf("%s is not a Kiln project yet: generate would create every file.%n", target);
            return ExitCodes.OK;
        }
        GeneratedProject project = generator.generate(service);
        ProjectWriter.writeNew(project, target);
        long millis = (System.nanoTime() - start) / 1_000_000;
        stdout.printf("Generated %s: %d files in %s (%d ms).%n", service.name(), project.size(), target, millis);
        stdout.printf("Next: ./kiln verify %s   (or: cd %s && ./mvnw -B package && ./run.sh)%n", target, target);
        return ExitCodes.OK;
    }

    private int regenerate(
            ProjectGenerator generator, ServiceSpec service, Path target, long start, PrintWriter stdout) {
        if (!dryRun && ProjectWriter.recover(target)) {
            stdout.printf("Rolled back an interrupted regeneration of %s first.%n", target);
        }
        RegenerationPlan plan = Regenerator.plan(generator, service, target, restore, allowDestructive);
        if (dryRun) {
            PlanPrinter.print(plan, stdout, true);
            return ExitCodes.OK;
        }
        ProjectWriter.apply(plan, target);
        long millis = (System.nanoTime() - start) / 1_000_000;
        stdout.printf("Regenerated %s in %s (%d ms): %s.%n", service.name(), target, millis, PlanPrinter.summary(plan));
        PlanPrinter.print(plan, stdout, false);
        if (!plan.conflicts().isEmpty()) {
            stdout.printf(
                    "%d file(s) have conflicts: resolve the <<<<<<< yours / >>>>>>> kiln markers, then run"
                            + " ./kiln verify %s%n",
                    plan.conflicts().size(), target);
            return ExitCodes.CONFLICTS;
        }
        return ExitCodes.OK;
    }
}
