package dev.kiln.cli;

import dev.kiln.spec.ServiceSpec;
import dev.kiln.spec.io.SpecReader;
import dev.kiln.spec.io.SpecWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kiln validate FILE}: checks a spec and reports every problem with its location. */
@Command(
        name = "validate",
        description = "Check a spec file; print each problem as file:line:column: path: message.",
        mixinStandardHelpOptions = true)
final class ValidateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The spec, YAML or JSON.")
    @SuppressWarnings("NullAway.Init")
    private Path file;

    @Option(names = "--format", description = "Also print the normalised spec: yaml or json.")
    private @Nullable Format format;

    @picocli.CommandLine.Spec
    @SuppressWarnings("NullAway.Init")
    private picocli.CommandLine.Model.CommandSpec spec;

    /** The output formats of a spec. */
    enum Format {
        yaml,
        json
    }

    @Override
    public Integer call() {
        ServiceSpec service = new SpecReader().read(file);
        var out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.print(SpecWriter.toJson(service));
        } else if (format == Format.yaml) {
            out.print(SpecWriter.toYaml(service));
        } else {
            out.printf(
                    "%s: valid (%d entities, %d relations)%n",
                    file, service.entities().size(), service.relations().size());
        }
        return ExitCodes.OK;
    }
}
