package dev.kiln.cli;

import dev.kiln.rag.RagException;
import dev.kiln.spec.KilnException;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.Command;

/** {@code kiln rag}: search private documents. The subcommands do the work. */
@Command(
        name = "rag",
        description = "Search your own documents: ingest files into a store, then search it as a principal.",
        mixinStandardHelpOptions = true,
        subcommands = {RagIngestCommand.class, RagSearchCommand.class})
final class RagCommand implements Runnable {
    // Lucene reports through java.util.logging that the Vector API incubator module is not enabled; that is
    // a performance hint for operators, not something a user of the CLI can act on. Held strongly so the
    // level sticks.
    private static final Logger LUCENE_VECTORIZATION = Logger.getLogger("org.apache.lucene.internal.vectorization");

    @picocli.CommandLine.Spec
    @SuppressWarnings("NullAway.Init")
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Runs a rag command body, turning kiln-rag's exceptions into Kiln's so they map to exit code 2.
     *
     * @param body the command body
     * @return its exit code
     * @throws Exception what the body throws, other than a {@link RagException}
     */
    static Integer run(Callable<Integer> body) throws Exception {
        LUCENE_VECTORIZATION.setLevel(Level.SEVERE);
        try {
            return body.call();
        } catch (RagException e) {
            throw new KilnException(String.valueOf(e.getMessage()), e);
        }
    }
}
