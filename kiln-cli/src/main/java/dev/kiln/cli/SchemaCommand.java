package dev.kiln.cli;

import dev.kiln.spec.validation.SchemaCheck;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code kiln schema}: prints the JSON Schema of spec files. */
@Command(name = "schema", description = "Print the JSON Schema of kiln.yaml files.", mixinStandardHelpOptions = true)
final class SchemaCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    @SuppressWarnings("NullAway.Init")
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(new SchemaCheck().schemaText());
        return ExitCodes.OK;
    }
}
