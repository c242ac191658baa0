package dev.kiln.cli;

import dev.kiln.rag.RagException;
import dev.kiln.rag.embed.MiniLmEmbeddingModel;
import dev.kiln.rag.store.StoreMetadata;
import dev.kiln.rag.store.StoreReader;
import dev.kiln.spec.KilnException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;

/** {@code kiln rag}: search private documents. The subcommands do the work. */
@Command(
        name = "rag",
        description = "Search your own documents: ingest files into a store, then search it as a principal.",
        mixinStandardHelpOptions = true,
        subcommands = {RagIngestCommand.class, RagSearchCommand.class, RagAskCommand.class, RagEvalCommand.class})
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

    /**
     * Returns the embedding model for a store: the one it was built with, or for a new store the one
     * asked for (default: {@link MiniLmEmbeddingModel.Variant#DEFAULT}).
     *
     * @param store the store directory
     * @param requested a model name from {@code --model}, or null
     * @return the model, not yet loaded
     */
    static MiniLmEmbeddingModel modelFor(Path store, @Nullable String requested) {
        Optional<MiniLmEmbeddingModel.Variant> asked = Optional.empty();
        if (requested != null) {
            asked = MiniLmEmbeddingModel.Variant.named(requested);
            if (asked.isEmpty()) {
                throw new KilnException("--model must be one of " + modelNames() + ", was '" + requested + "'");
            }
        }
        Optional<StoreMetadata> metadata = StoreReader.metadataOf(store);
        if (metadata.isEmpty()) {
            return new MiniLmEmbeddingModel(
                    asked.orElse(MiniLmEmbeddingModel.Variant.DEFAULT),
                    Runtime.getRuntime().availableProcessors());
        }
        String built = metadata.get().embeddingModel();
        MiniLmEmbeddingModel.Variant variant = MiniLmEmbeddingModel.Variant.named(built)
                .orElseThrow(() -> new KilnException("the store at " + store + " was built with the embedding model "
                        + built + ", which this Kiln does not run (it runs " + modelNames()
                        + "); ingest into a new --store"));
        if (asked.isPresent() && asked.get() != variant) {
            throw new KilnException("the store at " + store + " was built with " + built + "; --model " + requested
                    + " needs a new --store (or leave --model out to keep " + built + ")");
        }
        return new MiniLmEmbeddingModel(variant, Runtime.getRuntime().availableProcessors());
    }

    private static String modelNames() {
        return String.join(
                ", ",
                Arrays.stream(MiniLmEmbeddingModel.Variant.values())
                        .map(MiniLmEmbeddingModel.Variant::modelName)
                        .toList());
    }
}
