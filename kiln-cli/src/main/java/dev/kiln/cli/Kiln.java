package dev.kiln.cli;

import dev.kiln.codegen.KilnVersion;
import dev.kiln.codegen.image.ImageBuildException;
import dev.kiln.spec.KilnException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code kiln} command: the entry point of the command line.
 *
 * <p>Every failure becomes an exit code here and nowhere else: {@link KilnException} (bad input) is 2
 * with its message, {@link ImageBuildException} (the work failed) is 1 with the failed program's output,
 * anything unexpected is 1 with a short report.
 */
@Command(
        name = "kiln",
        mixinStandardHelpOptions = true,
        versionProvider = Kiln.Version.class,
        description = "AI-assisted backend development: describe a service, get a verified Spring Boot project.",
        subcommands = {
            GenerateCommand.class,
            DiffCommand.class,
            ValidateCommand.class,
            SchemaCommand.class,
            SpecCommand.class,
            NewCommand.class,
            VerifyCommand.class,
            ImageCommand.class,
            BenchCommand.class,
            GuardCommand.class,
            RagCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Kiln implements Runnable {
    @CommandLine.Spec
    @SuppressWarnings("NullAway.Init")
    private CommandLine.Model.CommandSpec spec;

    /**
     * Runs Kiln.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(args, out, err));
    }

    /**
     * Runs Kiln with the given output streams, for tests and embedding.
     *
     * @param args the command line
     * @param out standard output
     * @param err standard error
     * @return the exit code
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Kiln());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ImageBuildException failed) {
                err.println("error: " + e.getMessage());
                if (!failed.output().isBlank()) {
                    err.println(failed.output());
                }
                return ExitCodes.FAILED;
            }
            if (e instanceof KilnException) {
                err.println("error: " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            err.println("kiln failed unexpectedly: " + e);
            return ExitCodes.FAILED;
        });
        cli.setParameterExceptionHandler((e, args2) -> {
            err.println("error: " + e.getMessage());
            e.getCommandLine().usage(err);
            return ExitCodes.BAD_INPUT;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Supplies {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"kiln " + KilnVersion.get()};
        }
    }
}
