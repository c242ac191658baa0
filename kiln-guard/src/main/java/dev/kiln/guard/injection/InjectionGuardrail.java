package dev.kiln.guard.injection;

import dev.kiln.guard.Category;
import dev.kiln.guard.Finding;
import dev.kiln.guard.Guardrail;
import java.util.List;

/**
 * Detects prompt injections and jailbreaks, in prompts and in documents or tool outputs that will be shown
 * to a model (indirect injection).
 *
 * <p>The text is cut into overlapping windows of {@value #WINDOW} characters, so time is linear in the
 * length and an instruction buried in a long document is scored on its own; every window is folded and
 * decoded by {@link TextNormalizer}, each view is scored by the {@link LinearModel} over {@link LexicalFeatures},
 * and the highest score decides. A text is reported as one {@link Category#INJECTION} finding of type
 * {@code PROMPT_INJECTION} covering the highest-scoring window.
 */
public final class InjectionGuardrail implements Guardrail {
    /** The window length in characters. */
    public static final int WINDOW = 2000;

    private static final int STRIDE = 1500;
    private static final double OVERRIDE_SCORE = 0.95;
    private static final com.google.re2j.Pattern OVERRIDE =
            java.util.Objects.requireNonNull(LexicalFeatures.RULES.get("override"));

    private final LinearModel model;
    private final TextNormalizer normalizer = new TextNormalizer();

    /**
     * A guardrail with a given model.
     *
     * @param model the model and its threshold
     */
    public InjectionGuardrail(LinearModel model) {
        this.model = model;
    }

    /**
     * A guardrail with the model shipped with Kiln.
     *
     * @return the guardrail
     */
    public static InjectionGuardrail shipped() {
        return new InjectionGuardrail(LinearModel.shipped());
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
     * Scores a text.
     *
     * @param text the text
     * @return the assessment of its highest-scoring window
     */
    public InjectionAssessment assess(String text) {
        double best = -1;
        int bestStart = 0;
        int bestEnd = 0;
        String bestFolded = "";
        for (int start = 0; start < Math.max(1, text.length()); start += STRIDE) {
            int end = Math.min(text.length(), start + WINDOW);
            String window = text.substring(start, end);
            TextNormalizer.Views views = normalizer.views(window);
            double score = Math.max(
                    model.probability(LexicalFeatures.of(views.folded(), views.obfuscated())), floor(views.folded()));
            String folded = views.folded();
            for (String decoded : views.decoded()) {
                double s = Math.max(model.probability(LexicalFeatures.of(decoded, true)), floor(decoded));
                if (s > score) {
                    score = s;
                    folded = decoded;
                }
            }
            if (score > best) {
                best = score;
                bestStart = start;
                bestEnd = end;
                bestFolded = folded;
            }
            if (end == text.length()) {
                break;
            }
        }
        return new InjectionAssessment(
                best >= model.threshold(),
                Math.max(0, best),
                bestStart,
                bestEnd,
                LexicalFeatures.firedRules(bestFolded));
    }

    /**
     * The cheap first stage of the cascade: an explicit override of earlier instructions ("ignore all
     * previous instructions") decides on its own; everything else is left to the model.
     */
    private static double floor(String folded) {
        return OVERRIDE.matcher(folded).find() ? OVERRIDE_SCORE : 0;
    }

    /**
     * The model this guardrail uses.
     *
     * @return the model
     */
    public LinearModel model() {
        return model;
    }
}
