package dev.kiln.cli;

import dev.kiln.guard.eval.InjectionCorpus;
import dev.kiln.guard.eval.InjectionTraining;
import dev.kiln.guard.eval.LabelledPrompt;
import dev.kiln.guard.injection.LinearModel;
import dev.kiln.spec.KilnException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kiln guard train}: reproduces the shipped injection model from the public data. */
@Command(
        name = "train",
        description =
                "Train the injection model on the public guard data and write it (reproduces the shipped weights).",
        mixinStandardHelpOptions = true)
final class GuardTrainCommand implements Callable<Integer> {
    @Option(
            names = "--data",
            description = "The public guard data folder (default: $KILN_GUARD_DATA or ../shared/data/guard).")
    private @Nullable Path data;

    @Option(names = "--out", description = "Where to write the model (default: the shipped resource in kiln-guard).")
    private Path out = Path.of("kiln-guard/src/main/resources/" + LinearModel.RESOURCE);

    @picocli.CommandLine.Spec
    @SuppressWarnings("NullAway.Init")
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter log = spec.commandLine().getOut();
        Path folder = GuardData.locate(data)
                .orElseThrow(
                        () -> new KilnException("public guard data not found; pass --data DIR or set KILN_GUARD_DATA"));
        List<LabelledPrompt> corpus = InjectionCorpus.load(folder);
        long train = corpus.stream()
                .filter(p -> p.split() == LabelledPrompt.Split.TRAIN)
                .count();
        long validation = corpus.stream()
                .filter(p -> p.split() == LabelledPrompt.Split.VALIDATION)
                .count();
        log.printf(
                Locale.ROOT,
                "corpus %d texts: train %d, validation %d, test %d%n",
                corpus.size(),
                train,
                validation,
                corpus.size() - train - validation);
        InjectionTraining.Result result = InjectionTraining.train(corpus);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        try (OutputStream stream = Files.newOutputStream(out)) {
            result.model().write(stream);
        }
        log.printf(
                Locale.ROOT,
                "fitted %d examples (%d injections); threshold %.4f; wrote %s (%d bytes)%n",
                result.trainExamples(),
                result.positives(),
                result.model().threshold(),
                out,
                Files.size(out));
        return ExitCodes.OK;
    }
}
