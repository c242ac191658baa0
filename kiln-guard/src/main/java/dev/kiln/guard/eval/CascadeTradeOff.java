package dev.kiln.guard.eval;

import dev.kiln.guard.injection.CascadeInjectionGuardrail;
import dev.kiln.guard.injection.CascadeInjectionGuardrail.Band;
import dev.kiln.guard.injection.InjectionAssessment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures a {@link CascadeInjectionGuardrail} under several bands at once: every text is scored by the
 * lexical layer once and, if any band would send it on, by the second layer once; each band's decisions are
 * then derived from those scores. The share of texts a band embeds is its cost.
 */
public final class CascadeTradeOff {
    private CascadeTradeOff() {}

    /**
     * The figures of one band.
     *
     * @param band the band
     * @param evaluation detection and false positives per category and source
     * @param embedded the share of texts the second layer decided
     * @param embeddedShort the share of texts of at most {@link #SHORT} characters the second layer decided: what
     *     sets the latency percentiles of {@code kiln guard bench}
     */
    public record Row(Band band, DetectionEvaluation evaluation, double embedded, double embeddedShort) {}

    /** The longest input the latency target speaks of (1 KB). */
    public static final int SHORT = 1024;

    /**
     * Measures the bands.
     *
     * @param prompts the labelled texts
     * @param cascade the cascade (its own band is ignored)
     * @param bands the bands to compare
     * @return one row per band, in order
     */
    public static List<Row> measure(List<LabelledPrompt> prompts, CascadeInjectionGuardrail cascade, List<Band> bands) {
        double low = bands.stream().mapToDouble(Band::low).min().orElse(1);
        double high = bands.stream().mapToDouble(Band::high).max().orElse(0);
        Map<String, InjectionAssessment> lexical = new HashMap<>();
        Map<String, Double> second = new HashMap<>();
        for (LabelledPrompt p : prompts) {
            InjectionAssessment a = cascade.lexical().assess(p.text());
            lexical.put(p.text(), a);
            if (a.score() >= low && a.score() < high && !a.rules().contains("override")) {
                second.put(p.text(), cascade.secondLayer(p.text(), a));
            }
        }
        double threshold = cascade.dense().threshold();
        List<Row> rows = new ArrayList<>();
        for (Band band : bands) {
            int[] embedded = {0, 0};
            DetectionEvaluation e = DetectionEvaluation.of(prompts, text -> {
                InjectionAssessment a = lexical.get(text);
                Double d = second.get(text);
                if (a == null || d == null || !band.uncertain(a.score())) {
                    return a != null && a.detected();
                }
                embedded[0]++;
                if (text.length() <= SHORT) {
                    embedded[1]++;
                }
                return d >= threshold;
            });
            long shorts =
                    prompts.stream().filter(p -> p.text().length() <= SHORT).count();
            rows.add(new Row(
                    band,
                    e,
                    prompts.isEmpty() ? 0 : (double) embedded[0] / prompts.size(),
                    shorts == 0 ? 0 : (double) embedded[1] / shorts));
        }
        return rows;
    }
}
