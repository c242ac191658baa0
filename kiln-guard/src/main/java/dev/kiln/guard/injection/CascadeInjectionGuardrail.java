package dev.kiln.guard.injection;

import dev.kiln.guard.Category;
import dev.kiln.guard.Finding;
import dev.kiln.guard.GuardException;
import dev.kiln.guard.Guardrail;
import dev.kiln.guard.embedding.MiniLmSentenceEncoder;
import dev.kiln.guard.embedding.SentenceEncoder;
import java.io.InputStream;
import java.util.List;

/**
 * Injection and jailbreak detection in two layers: the lexical {@link InjectionGuardrail} decides the clear
 * cases, and only a text whose lexical score falls in the uncertain {@link Band} is embedded by a {@link
 * SentenceEncoder} and decided by a second logistic regression over the embedding and the lexical score.
 * Most texts never reach the encoder, so the cascade costs little more than the lexical layer; use {@link
 * InjectionGuardrail} alone where the encoder's memory (about 100 MB) or its first load matter more.
 */
public final class CascadeInjectionGuardrail implements Guardrail {
    /** The classpath location of the shipped second-layer model. */
    public static final String RESOURCE = "dev/kiln/guard/injection/embedding-model.bin.gz";

    /**
     * The band Kiln ships, chosen on the validation split ({@code kiln guard eval --bands}) by a rule fixed
     * beforehand: at most 0.5% of the texts of up to 1 KB embedded (so the encoder stays out of the 99th latency
     * percentile), jailbreak detection at least 90%, benign false positives at most 1%, trigger-word benign pass
     * at least 95%; then the highest detection, then the fewest texts embedded.
     */
    public static final Band DEFAULT_BAND = new Band(0.40, 0.70);

    /**
     * The band the shipped second layer was trained and given its threshold under ({@code kiln guard train}
     * reproduces it with this band); wider than {@link #DEFAULT_BAND}, which only decides fewer texts with it.
     */
    public static final Band TRAINING_BAND = new Band(0.02, 0.995);

    /**
     * The lexical scores for which the second layer decides.
     *
     * @param low below this the lexical layer lets the text pass
     * @param high at or above this the lexical layer blocks it
     */
    public record Band(double low, double high) {
        /** Checks that the band is an interval of probabilities. */
        public Band {
            if (!(low >= 0 && low <= high && high <= 1)) {
                throw new IllegalArgumentException("band must satisfy 0 <= low <= high <= 1: " + low + ", " + high);
            }
        }

        /**
         * Whether a lexical score is left to the second layer.
         *
         * @param score the lexical score
         * @return true if {@code low <= score < high}
         */
        public boolean uncertain(double score) {
            return score >= low && score < high;
        }
    }

    private final InjectionGuardrail lexical;
    private final SentenceEncoder encoder;
    private final LinearModel dense;
    private final Band band;

    /**
     * A cascade of given parts.
     *
     * @param lexical the first layer
     * @param encoder the sentence encoder of the second layer
     * @param dense the second layer's model over {@link #features(float[], double)}
     * @param band where the second layer decides
     */
    public CascadeInjectionGuardrail(
            InjectionGuardrail lexical, SentenceEncoder encoder, LinearModel dense, Band band) {
        if (dense.weights().length != encoder.dimension() + 1) {
            throw new IllegalArgumentException("the dense model has " + dense.weights().length
                    + " weights; the encoder needs " + (encoder.dimension() + 1));
        }
        this.lexical = lexical;
        this.encoder = encoder;
        this.dense = dense;
        this.band = band;
    }

    /**
     * The cascade shipped with Kiln: the shipped lexical model, MiniLM and the shipped second layer.
     *
     * @return the guardrail
     */
    public static CascadeInjectionGuardrail shipped() {
        return new CascadeInjectionGuardrail(
                InjectionGuardrail.shipped(), new MiniLmSentenceEncoder(), shippedDense(), DEFAULT_BAND);
    }

    /**
     * The shipped second-layer model.
     *
     * @return the model
     * @throws GuardException if the resource is missing
     */
    public static LinearModel shippedDense() {
        InputStream in = CascadeInjectionGuardrail.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new GuardException("missing resource " + RESOURCE + "; train it with 'kiln guard train'");
        }
        return LinearModel.read(in);
    }

    /**
     * The same cascade with another band, to measure the trade-off between speed and detection.
     *
     * @param other the band
     * @return the cascade
     */
    public CascadeInjectionGuardrail withBand(Band other) {
        return new CascadeInjectionGuardrail(lexical, encoder, dense, other);
    }

    @Override
    public String name() {
        return "injection";
    }

    @Override
    public List<Finding> inspect(String text) {
        InjectionAssessment a = assess(text);
        return a.detected()
                ? List.of(new Finding(Category.INJECTION, "PROMPT_INJECTION", a.start(), a.end(), a.score()))
                : List.of();
    }

    /**
     * Scores a text: by the lexical layer alone outside the band or when an explicit override fired, else by
     * the second layer on the lexical layer's highest-scoring window.
     *
     * @param text the text
     * @return the assessment
     */
    public InjectionAssessment assess(String text) {
        InjectionAssessment first = lexical.assess(text);
        if (!band.uncertain(first.score()) || first.rules().contains("override")) {
            return first;
        }
        double p = secondLayer(text, first);
        return new InjectionAssessment(p >= dense.threshold(), p, first.start(), first.end(), first.rules());
    }

    /**
     * The second layer's probability for a text, whatever its lexical score: for measuring the cascade
     * under several bands without embedding a text twice.
     *
     * @param text the text
     * @param first the lexical layer's assessment of it
     * @return the probability that it is an injection
     */
    public double secondLayer(String text, InjectionAssessment first) {
        float[] embedding = encoder.embed(text.substring(first.start(), first.end()));
        return dense.probability(features(embedding, first.score()));
    }

    /**
     * Whether a text would be decided by the second layer.
     *
     * @param lexicalScore the text's lexical score
     * @return true if it falls in the band
     */
    public boolean reachesSecondLayer(double lexicalScore) {
        return band.uncertain(lexicalScore);
    }

    /**
     * The second layer's features: the embedding, then the lexical log-odds clipped to [-10, 10] and scaled
     * to [-1, 1].
     *
     * @param embedding the unit-length embedding
     * @param lexicalScore the lexical probability
     * @return the vector
     */
    public static SparseVector features(float[] embedding, double lexicalScore) {
        float[] x = java.util.Arrays.copyOf(embedding, embedding.length + 1);
        double p = Math.min(1 - 1e-9, Math.max(1e-9, lexicalScore));
        x[embedding.length] = (float) (Math.max(-10, Math.min(10, Math.log(p / (1 - p)))) / 10);
        return SparseVector.dense(x);
    }

    /**
     * The lexical layer.
     *
     * @return the first layer
     */
    public InjectionGuardrail lexical() {
        return lexical;
    }

    /**
     * The band in use.
     *
     * @return the band
     */
    public Band band() {
        return band;
    }

    /**
     * The second layer's model.
     *
     * @return the model and its threshold
     */
    public LinearModel dense() {
        return dense;
    }
}
