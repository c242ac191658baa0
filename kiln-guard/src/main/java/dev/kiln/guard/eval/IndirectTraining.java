package dev.kiln.guard.eval;

import dev.kiln.guard.embedding.SentenceEncoder;
import dev.kiln.guard.eval.LabelledPrompt.Split;
import dev.kiln.guard.injection.IndirectInjectionGuardrail;
import dev.kiln.guard.injection.LinearModel;
import dev.kiln.guard.injection.LogisticRegressionTrainer;
import dev.kiln.guard.injection.TextNormalizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Trains the piece model of {@link IndirectInjectionGuardrail}. A piece is positive when it talks to an
 * assistant: the pieces of BIPIA's train attacks (for code attacks, the sentence before the code), weighted
 * {@value #ATTACK_COPIES} times, and the first piece of ordinary user prompts from the train and validation
 * splits of the instruction sets and CLINC150 (a request a user would type is an injection once it sits inside a document). A piece is negative
 * when it is document content: the pieces of BIPIA's train e-mails and code answers (those the corpus does
 * not put in its test split), of presidio's synthetic sentences, table rows made from presidio's annotations
 * (BIPIA's tables are test only) and the pieces of HumanEval's stubs. Nothing from
 * BIPIA's test attacks or test contexts is used. Pieces whose hash puts them in the corpus test bucket are
 * held out to set the threshold: at most {@value #PIECE_FPR} of the held-out negative pieces may reach it,
 * and never below 0.5.
 */
public final class IndirectTraining {
    /** How often each BIPIA attack piece is repeated in the training order. */
    public static final int ATTACK_COPIES = 4;

    /** The share of held-out negative pieces allowed at or above the threshold. */
    public static final double PIECE_FPR = 0.002;

    private static final int CAP_PER_SOURCE = 400;
    private static final int CAP_NEGATIVES = 1500;
    private static final int TABLE_ROWS = 400;
    private static final Set<String> PROMPT_SOURCES = Set.of(
            "self-instruct", "mt_bench", "vicuna_bench", "ifeval", "arena-hard", "awesome-chatgpt-prompts", "clinc150");

    private IndirectTraining() {}

    /**
     * The outcome of training.
     *
     * @param model the quantised model with its threshold
     * @param positives how many positive pieces were fitted (with repeats)
     * @param negatives how many negative pieces were fitted
     * @param heldOut how many pieces were held out for the threshold
     */
    public record Result(LinearModel model, int positives, int negatives, int heldOut) {}

    /**
     * Trains the model.
     *
     * @param guardData the {@code shared/data/guard} folder
     * @param corpus the corpus from {@link InjectionCorpus#load(Path)}
     * @param encoder the sentence encoder
     * @return the model and counts
     */
    public static Result train(Path guardData, List<LabelledPrompt> corpus, SentenceEncoder encoder) {
        Map<String, Boolean> pieces = new LinkedHashMap<>();
        BipiaSet bipia = BipiaSet.train(guardData);
        negatives(guardData, corpus, bipia, pieces);
        positives(corpus, bipia, pieces);
        List<String> texts = new ArrayList<>(pieces.keySet());
        List<Boolean> labels = new ArrayList<>(pieces.values());
        List<float[]> vectors = encoder.embedAll(texts);
        Set<String> attackPieces = attackPieces(bipia);
        List<LogisticRegressionTrainer.Example> fit = new ArrayList<>();
        List<Integer> heldOutNegatives = new ArrayList<>();
        int heldOut = 0;
        int positives = 0;
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            boolean positive = labels.get(i);
            var x = IndirectInjectionGuardrail.features(text, vectors.get(i));
            if (InjectionCorpus.splitOf(TextNormalizer.fold(text)) == Split.TEST) {
                heldOut++;
                if (!positive) {
                    heldOutNegatives.add(i);
                }
                continue;
            }
            int copies = attackPieces.contains(text) ? ATTACK_COPIES : 1;
            for (int c = 0; c < copies; c++) {
                fit.add(new LogisticRegressionTrainer.Example(x, positive));
                positives += positive ? 1 : 0;
            }
        }
        LinearModel raw = new LogisticRegressionTrainer(LogisticRegressionTrainer.Settings.DEFAULTS)
                .fit(fit, 0.5f, encoder.dimension() + IndirectInjectionGuardrail.CUES);
        LinearModel quantised = InjectionTraining.roundTrip(raw);
        double[] scores = heldOutNegatives.stream()
                .mapToDouble(i -> {
                    return quantised.probability(IndirectInjectionGuardrail.features(texts.get(i), vectors.get(i)));
                })
                .toArray();
        Arrays.sort(scores);
        double quantile = scores.length == 0 ? 0.5 : scores[(int) ((1 - PIECE_FPR) * (scores.length - 1))];
        float threshold = (float) Math.min(1.0, Math.max(0.5, Math.nextUp(quantile)));
        return new Result(quantised.withThreshold(threshold), positives, fit.size() - positives, heldOut);
    }

    private static void negatives(
            Path guardData, List<LabelledPrompt> corpus, BipiaSet bipia, Map<String, Boolean> pieces) {
        for (String context : bipia.contexts()) {
            if (InjectionCorpus.splitOf(TextNormalizer.fold(context)) != Split.TEST) {
                IndirectInjectionGuardrail.pieces(context).forEach(p -> pieces.putIfAbsent(p, false));
            }
        }
        int taken = 0;
        List<LabelledText> presidio = PresidioPiiSet.read(guardData.resolve("pii-presidio/synth_dataset_v2.json"));
        for (LabelledText t : presidio) {
            for (String p : IndirectInjectionGuardrail.pieces(t.text())) {
                if (taken++ < CAP_NEGATIVES) {
                    pieces.putIfAbsent(p, false);
                }
            }
        }
        for (int i = 0; i < Math.min(TABLE_ROWS, presidio.size()); i++) {
            pieces.putIfAbsent(tableRow(presidio.get(i)), false);
        }
        taken = 0;
        for (LabelledPrompt p : corpus) {
            if (p.source().equals("humaneval") && p.split() != Split.TEST) {
                for (String piece : IndirectInjectionGuardrail.pieces(p.text())) {
                    if (taken++ < CAP_NEGATIVES) {
                        pieces.putIfAbsent(piece, false);
                    }
                }
            }
        }
    }

    /** A table row built from a text's annotations, so that the model sees table-shaped data. */
    private static String tableRow(LabelledText t) {
        StringBuilder row = new StringBuilder("|");
        for (LabelledSpan s : t.spans()) {
            row.append(' ')
                    .append(s.type())
                    .append(" | ")
                    .append(t.text(), s.start(), s.end())
                    .append(" |");
        }
        return row.append(' ').append(t.text().length()).append(" |").toString();
    }

    private static void positives(List<LabelledPrompt> corpus, BipiaSet bipia, Map<String, Boolean> pieces) {
        attackPieces(bipia).forEach(p -> pieces.put(p, true));
        Map<String, Integer> taken = new HashMap<>();
        for (LabelledPrompt p : corpus) {
            if (p.split() == Split.TEST || !PROMPT_SOURCES.contains(p.source()) || p.injection()) {
                continue;
            }
            List<String> first = IndirectInjectionGuardrail.pieces(p.text());
            if (!first.isEmpty()
                    && !pieces.containsKey(first.get(0))
                    && taken.merge(p.source(), 1, Integer::sum) <= CAP_PER_SOURCE) {
                pieces.put(first.get(0), true);
            }
        }
    }

    private static Set<String> attackPieces(BipiaSet bipia) {
        Set<String> attack = new java.util.LinkedHashSet<>();
        bipia.textAttacks().forEach(a -> attack.addAll(IndirectInjectionGuardrail.pieces(a)));
        for (String a : bipia.codeAttacks()) {
            int fence = a.indexOf("```");
            attack.addAll(IndirectInjectionGuardrail.pieces(fence < 0 ? a : a.substring(0, fence)));
        }
        return attack;
    }
}
