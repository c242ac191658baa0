package dev.kiln.cli;

import dev.kiln.guard.embedding.MiniLmSentenceEncoder;
import dev.kiln.guard.eval.BenignDocuments;
import dev.kiln.guard.eval.CascadeTraining;
import dev.kiln.guard.eval.IndirectTraining;
import dev.kiln.guard.eval.InjectionCorpus;
import dev.kiln.guard.eval.InjectionTraining;
import dev.kiln.guard.eval.LabelledPrompt;
import dev.kiln.guard.injection.CascadeInjectionGuardrail;
import dev.kiln.guard.injection.IndirectInjectionGuardrail;
import dev.kiln.guard.injection.InjectionGuardrail;
import dev.kiln.guard.injection.LinearModel;
import dev.kiln.spec.KilnException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kiln guard train}: reproduces the shipped injection models from the public data. */
@Command(
        name = "train",
        description = {
            "Train the injection models (lexical, cascade second layer, indirect) on the public guard data "
                    + "and write them (reproduces the shipped weights).",
            "The indirect model also learns from benign documents outside the guard data, read when present: "
                    + "PostgreSQL's HTML manual in /usr/share/doc/postgresql-doc-15/html "
                    + "(apt-get install -y postgresql-doc-15), READMEs, change logs and copyright files under "
                    + "/usr/share/doc, Python's standard library in the newest /usr/lib/python3.N, and "
                    + "../loghub-2k next to the guard data. Code listings from the manual, /usr/share/doc, "
                    + "Python and HumanEval become benign Q&A-style code answers (\"You can fix it with the "
                    + "following code:\"). Without them it trains, but the weights differ from the shipped ones."
        },
        mixinStandardHelpOptions = true)
final class GuardTrainCommand implements Callable<Integer> {
    private static final List<String> MODELS = List.of("lexical", "cascade", "indirect");

    @Option(
            names = "--data",
            description = "The public guard data folder (default: $KILN_GUARD_DATA or ../shared/data/guard).")
    private @Nullable Path data;

    @Option(
            names = "--out",
            description = "The folder to write the models to (default: the shipped resources in kiln-guard).")
    private Path out = Path.of("kiln-guard/src/main/resources/dev/kiln/guard/injection");

    @Option(
            names = "--models",
            split = ",",
            description = "Which models to train: lexical, cascade, indirect (default: all). The cascade is trained "
                    + "over the lexical model just trained, or the shipped one.")
    private List<String> models = MODELS;

    @picocli.CommandLine.Spec
    @SuppressWarnings("NullAway.Init")
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter log = spec.commandLine().getOut();
        for (String m : models) {
            if (!MODELS.contains(m)) {
                throw new KilnException("unknown model '" + m + "' in --models; expected some of " + MODELS);
            }
        }
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
        Files.createDirectories(out);
        LinearModel lexical = LinearModel.shipped();
        if (models.contains("lexical")) {
            InjectionTraining.Result result = InjectionTraining.train(corpus);
            lexical = result.model();
            Path file = write(lexical, LinearModel.RESOURCE);
            log.printf(
                    Locale.ROOT,
                    "lexical: fitted %d examples (%d injections); threshold %.4f; wrote %s (%d bytes)%n",
                    result.trainExamples(),
                    result.positives(),
                    lexical.threshold(),
                    file,
                    Files.size(file));
            log.flush();
        }
        if (models.contains("cascade")) {
            CascadeTraining.Result result = CascadeTraining.train(
                    corpus,
                    new InjectionGuardrail(lexical),
                    new MiniLmSentenceEncoder(),
                    CascadeInjectionGuardrail.TRAINING_BAND);
            Path file = write(result.model(), CascadeInjectionGuardrail.RESOURCE);
            log.printf(
                    Locale.ROOT,
                    "cascade: fitted %d examples (%d injections); %d of %d validation benign texts in the band; "
                            + "threshold %.4f; wrote %s (%d bytes)%n",
                    result.trainExamples(),
                    result.positives(),
                    result.validationInBand(),
                    result.validationTexts(),
                    result.model().threshold(),
                    file,
                    Files.size(file));
            log.flush();
        }
        if (models.contains("indirect")) {
            BenignDocuments.Sources sources = BenignDocuments.Sources.defaults(folder);
            List<BenignDocuments.Document> documents = BenignDocuments.load(sources);
            Map<String, Long> bySource = new TreeMap<>();
            documents.forEach(d -> bySource.merge(d.source(), 1L, Long::sum));
            log.printf(Locale.ROOT, "indirect: benign documents per source %s%n", bySource);
            for (Path optional : List.of(sources.postgresDocs(), sources.systemDocs(), sources.logs())) {
                if (!Files.isDirectory(optional)) {
                    log.printf(
                            Locale.ROOT,
                            "indirect: %s is absent, so its documents are left out and the model will differ from "
                                    + "the shipped one%n",
                            optional);
                }
            }
            log.flush();
            IndirectTraining.Result result =
                    IndirectTraining.train(folder, corpus, documents, IndirectInjectionGuardrail.shippedEncoder());
            Path file = write(result.model(), IndirectInjectionGuardrail.RESOURCE);
            log.printf(
                    Locale.ROOT,
                    "indirect: fitted %d pieces (%d to the assistant, %d document); threshold %.4f flags %d of %d "
                            + "validation documents; wrote %s (%d bytes)%n",
                    result.positives() + result.negatives(),
                    result.positives(),
                    result.negatives(),
                    result.model().threshold(),
                    result.validationFlagged(),
                    result.validationDocuments(),
                    file,
                    Files.size(file));
        }
        return ExitCodes.OK;
    }

    private Path write(LinearModel model, String resource) throws IOException {
        Path file = out.resolve(Path.of(resource).getFileName());
        try (OutputStream stream = Files.newOutputStream(file)) {
            model.write(stream);
        }
        return file;
    }
}
