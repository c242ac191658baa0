package dev.kiln.guard.eval;

import dev.kiln.guard.eval.LabelledPrompt.Split;
import dev.kiln.guard.injection.InjectionGuardrail;
import dev.kiln.guard.injection.LexicalFeatures;
import dev.kiln.guard.injection.LinearModel;
import dev.kiln.guard.injection.LogisticRegressionTrainer;
import dev.kiln.guard.injection.TextNormalizer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains the shipped injection model from the corpus: logistic regression on the train split (BIPIA's
 * indirect attacks are left out: they are ordinary task requests and only their placement inside a
 * document makes them attacks, which a lexical model cannot see), then the threshold is set on the
 * validation split so that at most 0.5% of its benign texts are flagged, and never below 0.5.
 */
public final class InjectionTraining {
    /** The share of validation negatives allowed above the threshold. */
    public static final double VALIDATION_FPR = 0.005;

    private InjectionTraining() {}

    /**
     * The outcome of training.
     *
     * @param model the quantised model with its threshold
     * @param trainExamples how many examples were fitted
     * @param positives how many of them were injections
     */
    public record Result(LinearModel model, int trainExamples, int positives) {}

    /**
     * Whether a prompt is used to fit the weights.
     *
     * @param p the prompt
     * @return true for train-split prompts outside BIPIA
     */
    public static boolean fitted(LabelledPrompt p) {
        return p.split() == Split.TRAIN && !p.source().startsWith("bipia");
    }

    /**
     * Trains a model.
     *
     * @param corpus the corpus from {@link InjectionCorpus#load(java.nio.file.Path)}
     * @return the model and counts
     */
    public static Result train(List<LabelledPrompt> corpus) {
        TextNormalizer normalizer = new TextNormalizer();
        List<LogisticRegressionTrainer.Example> examples = new ArrayList<>();
        for (LabelledPrompt p : corpus) {
            if (fitted(p)) {
                String text = p.text().length() > InjectionGuardrail.WINDOW
                        ? p.text().substring(0, InjectionGuardrail.WINDOW)
                        : p.text();
                TextNormalizer.Views views = normalizer.views(text);
                examples.add(new LogisticRegressionTrainer.Example(
                        LexicalFeatures.of(views.folded(), views.obfuscated()), p.injection()));
            }
        }
        LinearModel raw =
                new LogisticRegressionTrainer(LogisticRegressionTrainer.Settings.DEFAULTS).fit(examples, 0.5f);
        LinearModel quantised = roundTrip(raw);
        InjectionGuardrail guard = new InjectionGuardrail(quantised);
        double[] negatives = corpus.stream()
                .filter(p -> p.split() == Split.VALIDATION && !p.injection())
                .mapToDouble(p -> guard.assess(p.text()).score())
                .sorted()
                .toArray();
        double quantile =
                negatives.length == 0 ? 0.5 : negatives[(int) ((1 - VALIDATION_FPR) * (negatives.length - 1))];
        float threshold = (float) Math.max(0.5, quantile);
        int positives = (int) examples.stream()
                .filter(LogisticRegressionTrainer.Example::positive)
                .count();
        return new Result(quantised.withThreshold(threshold), examples.size(), positives);
    }

    static LinearModel roundTrip(LinearModel model) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            model.write(bytes);
            return LinearModel.read(new ByteArrayInputStream(bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
