package dev.kiln.cli;

import dev.kiln.codegen.KilnVersion;
import dev.kiln.codegen.ProjectGenerator;
import dev.kiln.codegen.merge.RegenerationPlan;
import dev.kiln.codegen.merge.Regenerator;
import dev.kiln.codegen.writer.ProjectWriter;
import dev.kiln.spec.KilnException;
import dev.kiln.spec.ServiceSpec;
import dev.kiln.spec.io.SpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kiln diff SPEC DIR}: what regenerating a Kiln project from a spec would change, as a unified diff. */
@Command(
        name = "diff",
        description = "Show what regenerating DIR from SPEC would do (added, updated, merged, conflicting files)"
                + " and the unified diff; changes nothing.",
        mixinStandardHelpOptions = true)
final class DiffCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SPEC", description = "The spec file (kiln.yaml).")
    @SuppressWarnings("NullAway.Init")
    private Path specFile;

    @Parameters(index = "1", paramLabel = "DIR", description = "A project Kiln generated (with .kiln/).")
    @SuppressWarnings("NullAway.Init")
    private Path dir;

    @Option(names = "--restore", description = "Plan to bring back generated files you deleted.")
    private boolean restore;

    @Option(
            names = "--allow-destructive",
            description = "Plan a migration that drops tables or columns or narrows types.")
    private boolean allowDestructive;

    @picocli.CommandLine.Spec
    @SuppressWarnings("NullAway.Init")
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ServiceSpec service = new SpecReader().read(specFile);
        if (!Files.isDirectory(dir.resolve(ProjectWriter.KILN_DIR))) {
            throw new KilnException(dir + " is not a Kiln project (no .kiln/ directory); kiln diff compares a spec"
                    + " with a project Kiln generated. To create one: kiln generate " + specFile + " --out " + dir);
        }
        RegenerationPlan plan =
                Regenerator.plan(new ProjectGenerator(KilnVersion.get()), service, dir, restore, allowDestructive);
        PlanPrinter.print(plan, spec.commandLine().getOut(), true);
        return ExitCodes.OK;
    }
}
