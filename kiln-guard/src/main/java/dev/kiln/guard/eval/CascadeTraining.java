package dev.kiln.guard.eval;

import dev.kiln.guard.embedding.SentenceEncoder;
import dev.kiln.guard.eval.LabelledPrompt.Split;
import dev.kiln.guard.injection.CascadeInjectionGuardrail;
import dev.kiln.guard.injection.InjectionAssessment;
import dev.kiln.guard.injection.InjectionGuardrail;
import dev.kiln.guard.injection.LinearModel;
import dev.kiln.guard.injection.LogisticRegressionTrainer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains the second layer of {@link CascadeInjectionGuardrail}: logistic regression over the sentence
 * embedding of a text's highest-scoring lexical window plus its lexical score, on the same train-split texts
 * as the lexical model (at most {@value #CAP_PER_SOURCE} per source, in corpus order, so that the large intent
 * sets do not drown the rest and training stays a few minutes). The threshold is set on the validation split:
 * the cascade may flag at most {@link InjectionTraining#VALIDATION_FPR} of its benign texts, counting those
 * the lexical layer blocks on its own, and never below 0.5.
 */
public final class CascadeTraining {
    /** The most texts taken from one source. */
    public static final int CAP_PER_SOURCE = 1500;

    private CascadeTraining() {}

    /**
     * The outcome of training.
     *
     * @param model the quantised model with its threshold
     * @param trainExamples how many examples were fitted
     * @param positives how many of them were injections
     * @param validationInBand how many validation texts the second layer decided
     * @param validationTexts how many validation texts there were
     */
    public record Result(
            LinearModel model, int trainExamples, int positives, int validationInBand, int validationTexts) {}

    /**
     * Trains the second layer.
     *
     * @param corpus the corpus from {@link InjectionCorpus#load(java.nio.file.Path)}
     * @param lexical the first layer, already trained
     * @param encoder the sentence encoder
     * @param band the band the cascade will use
     * @return the model and counts
     */
    public static Result train(
            List<LabelledPrompt> corpus,
            InjectionGuardrail lexical,
            SentenceEncoder encoder,
            CascadeInjectionGuardrail.Band band) {
        List<LabelledPrompt> chosen = capped(corpus);
        List<InjectionAssessment> assessments =
                chosen.stream().map(p -> lexical.assess(p.text())).toList();
        List<float[]> vectors = encoder.embedAll(windows(chosen, assessments));
        List<LogisticRegressionTrainer.Example> examples = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            examples.add(new LogisticRegressionTrainer.Example(
                    CascadeInjectionGuardrail.features(
                            vectors.get(i), assessments.get(i).score()),
                    chosen.get(i).injection()));
        }
        LinearModel raw = new LogisticRegressionTrainer(LogisticRegressionTrainer.Settings.DEFAULTS)
                .fit(examples, 0.5f, encoder.dimension() + 1);
        LinearModel quantised = InjectionTraining.roundTrip(raw);
        List<LabelledPrompt> validation = corpus.stream()
                .filter(p -> p.split() == Split.VALIDATION && !p.source().startsWith("bipia") && !p.injection())
                .toList();
        List<InjectionAssessment> validationLexical =
                validation.stream().map(p -> lexical.assess(p.text())).toList();
        long blockedByLexical =
                validationLexical.stream().filter(a -> a.score() >= band.high()).count();
        List<LabelledPrompt> inBand = new ArrayList<>();
        List<InjectionAssessment> inBandLexical = new ArrayList<>();
        for (int i = 0; i < validation.size(); i++) {
            if (band.uncertain(validationLexical.get(i).score())) {
                inBand.add(validation.get(i));
                inBandLexical.add(validationLexical.get(i));
            }
        }
        List<float[]> inBandVectors = encoder.embedAll(windows(inBand, inBandLexical));
        double[] scores = new double[inBand.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = quantised.probability(CascadeInjectionGuardrail.features(
                    inBandVectors.get(i), inBandLexical.get(i).score()));
        }
        int allowed = (int) (InjectionTraining.VALIDATION_FPR * validation.size() - blockedByLexical);
        float threshold = (float) Math.max(0.5, thresholdAllowing(scores, allowed));
        long positives = examples.stream()
                .filter(LogisticRegressionTrainer.Example::positive)
                .count();
        return new Result(
                quantised.withThreshold(threshold), examples.size(), (int) positives, inBand.size(), validation.size());
    }

    /** The lowest threshold at which at most {@code allowed} of the scores reach it. */
    static double thresholdAllowing(double[] scores, int allowed) {
        if (scores.length == 0) {
            return 0.5;
        }
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        int k = Math.max(0, allowed);
        if (k >= sorted.length) {
            return 0.5;
        }
        return Math.min(1.0, Math.nextUp(sorted[sorted.length - 1 - k]));
    }

    private static List<LabelledPrompt> capped(List<LabelledPrompt> corpus) {
        Map<String, Integer> taken = new HashMap<>();
        List<LabelledPrompt> chosen = new ArrayList<>();
        for (LabelledPrompt p : corpus) {
            if (InjectionTraining.fitted(p) && taken.merge(p.source(), 1, Integer::sum) <= CAP_PER_SOURCE) {
                chosen.add(p);
            }
        }
        return chosen;
    }

    private static List<String> windows(List<LabelledPrompt> prompts, List<InjectionAssessment> assessments) {
        List<String> windows = new ArrayList<>(prompts.size());
        for (int i = 0; i < prompts.size(); i++) {
            InjectionAssessment a = assessments.get(i);
            windows.add(prompts.get(i).text().substring(a.start(), a.end()));
        }
        return windows;
    }
}
