package dev.kiln.guard.injection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Fits a {@link LinearModel} by logistic regression: AdaGrad stochastic gradient descent on the
 * class-weighted log loss with L2 regularisation, in a seeded order, so the same data always gives the same
 * weights. Written here because the model is a plain sparse linear one: measured against Tribuo's {@code
 * LinearSGDTrainer} on the same examples (README, "Libraries used") it is level or better, fits the lexical
 * model twenty times faster, and spares a module meant to be embedded Tribuo's dependency tree; the loss and
 * update are textbook.
 */
public final class LogisticRegressionTrainer {
    /**
     * The training settings.
     *
     * @param epochs passes over the data
     * @param learningRate the AdaGrad base rate
     * @param l2 the L2 penalty per update
     * @param seed the shuffling seed
     */
    public record Settings(int epochs, double learningRate, double l2, long seed) {
        /** Kiln's defaults. */
        public static final Settings DEFAULTS = new Settings(12, 0.5, 1e-6, 20261127L);
    }

    /**
     * One training example.
     *
     * @param x the features
     * @param positive whether it is an injection
     */
    public record Example(SparseVector x, boolean positive) {}

    private final Settings settings;

    /**
     * Creates a trainer.
     *
     * @param settings the settings
     */
    public LogisticRegressionTrainer(Settings settings) {
        this.settings = settings;
    }

    /**
     * Fits the weights; the positive class is weighted so that both classes weigh the same in total.
     *
     * @param examples the examples
     * @param threshold the decision threshold to store with the model
     * @return the model
     */
    public LinearModel fit(List<Example> examples, float threshold) {
        return fit(examples, threshold, LexicalFeatures.DIMENSIONS);
    }

    /**
     * Fits the weights of a model over vectors of a given dimension, such as sentence embeddings; the
     * positive class is weighted so that both classes weigh the same in total.
     *
     * @param examples the examples, whose indices are below {@code dimensions}
     * @param threshold the decision threshold to store with the model
     * @param dimensions the number of weights
     * @return the model
     */
    public LinearModel fit(List<Example> examples, float threshold, int dimensions) {
        long positives = examples.stream().filter(Example::positive).count();
        long negatives = examples.size() - positives;
        double positiveWeight = positives == 0 ? 1 : (double) negatives / positives;
        double[] w = new double[dimensions];
        double[] g2 = new double[dimensions];
        Arrays.fill(g2, 1e-8);
        double bias = 0;
        double biasG2 = 1e-8;
        List<Example> order = new ArrayList<>(examples);
        Random random = new Random(settings.seed());
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            Collections.shuffle(order, random);
            for (Example e : order) {
                int[] idx = e.x().indices();
                float[] val = e.x().values();
                double z = bias;
                for (int i = 0; i < idx.length; i++) {
                    z += w[idx[i]] * val[i];
                }
                double p = 1 / (1 + Math.exp(-z));
                double weight = e.positive() ? positiveWeight : 1;
                double error = weight * (p - (e.positive() ? 1 : 0));
                for (int i = 0; i < idx.length; i++) {
                    double g = error * val[i] + settings.l2() * w[idx[i]];
                    g2[idx[i]] += g * g;
                    w[idx[i]] -= settings.learningRate() * g / Math.sqrt(g2[idx[i]]);
                }
                biasG2 += error * error;
                bias -= settings.learningRate() * error / Math.sqrt(biasG2);
            }
        }
        float[] weights = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            weights[i] = (float) w[i];
        }
        return new LinearModel(weights, (float) bias, threshold);
    }
}
