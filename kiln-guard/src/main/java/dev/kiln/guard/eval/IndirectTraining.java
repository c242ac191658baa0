package dev.kiln.guard.eval;

import dev.kiln.guard.embedding.SentenceEncoder;
import dev.kiln.guard.eval.LabelledPrompt.Split;
import dev.kiln.guard.injection.DocumentSegmenter;
import dev.kiln.guard.injection.IndirectInjectionGuardrail;
import dev.kiln.guard.injection.LinearModel;
import dev.kiln.guard.injection.LogisticRegressionTrainer;
import dev.kiln.guard.injection.TextNormalizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Trains the piece model of {@link IndirectInjectionGuardrail}, on pieces seen inside documents (so that how
 * out of place a piece is can be learnt). Negative documents: BIPIA's train e-mails and code answers (those the
 * corpus does not put in its test split), presidio's synthetic texts, tables of ten rows made from presidio's
 * annotations (BIPIA's tables are test only), HumanEval's stubs, and the train split of {@link BenignDocuments}
 * (PostgreSQL's manual, {@code /usr/share/doc}, logs, worked answers, code, customer e-mails, Q&amp;A-style code
 * answers); all their pieces are negative. Positive pieces talk to an assistant: the pieces of BIPIA's train
 * attacks (for code attacks, the sentence before the code, marked when that code has side effects, as a piece of
 * a negative document is when it introduces such code), each placed into {@value #ATTACK_COPIES} of those train
 * documents, and the first
 * piece of ordinary user prompts from the train and validation splits of the instruction sets and CLINC150, each
 * placed into one (a request a user would type is an injection once it sits inside a document). Nothing from
 * BIPIA's test attacks or test contexts is used. The threshold is set on whole documents: the validation split of
 * {@link BenignDocuments}, of which at most {@value #DOCUMENT_FPR} may reach it (never below 0.5).
 */
public final class IndirectTraining {
    /** Into how many documents each BIPIA attack piece is placed (24 found more held-out attacks than 4 or 12). */
    public static final int ATTACK_COPIES = 24;

    /**
     * The share of validation documents allowed at or above the threshold: half of the 1 % aimed at, since the
     * previous model, held to 1 % of these documents, flagged twice that share of BIPIA's documents.
     */
    public static final double DOCUMENT_FPR = 0.005;

    /** More passes than the lexical model's: a few thousand dense examples, 393 weights. */
    private static final LogisticRegressionTrainer.Settings SETTINGS =
            new LogisticRegressionTrainer.Settings(40, 0.5, 1e-6, 20261127L);

    private static final int CAP_PER_SOURCE = 400;
    private static final int CAP_DOCUMENTS = 400;
    private static final int TABLE_ROWS = 10;
    private static final Set<String> PROMPT_SOURCES = Set.of(
            "self-instruct", "mt_bench", "vicuna_bench", "ifeval", "arena-hard", "awesome-chatgpt-prompts", "clinc150");

    private IndirectTraining() {}

    /**
     * The outcome of training.
     *
     * @param model the quantised model with its threshold
     * @param positives how many positive pieces were fitted (with their placements)
     * @param negatives how many negative pieces were fitted
     * @param validationDocuments how many validation documents set the threshold
     * @param validationFlagged how many of them reach it
     */
    public record Result(
            LinearModel model, int positives, int negatives, int validationDocuments, int validationFlagged) {}

    private record Example(String piece, boolean positive, double novelty, boolean sideEffectCode) {}

    /** A document's pieces and, for each, whether it introduces code with side effects. */
    private record Doc(List<String> pieces, List<Boolean> sideEffectCode) {
        static Doc of(String text) {
            List<String> pieces = new ArrayList<>();
            List<Boolean> flags = new ArrayList<>();
            for (DocumentSegmenter.Segment segment : DocumentSegmenter.segments(text)) {
                pieces.add(segment.text());
                flags.add(IndirectInjectionGuardrail.sideEffectCodeAfter(text, segment.end()));
            }
            return new Doc(pieces, flags);
        }

        static Doc plain(List<String> pieces) {
            return new Doc(pieces, Collections.nCopies(pieces.size(), false));
        }
    }

    /**
     * A positive piece.
     *
     * @param text the piece
     * @param sideEffectCode whether it introduces code with side effects (a code attack's lead-in)
     */
    public record AttackPiece(String text, boolean sideEffectCode) {}

    /**
     * Trains the model.
     *
     * @param guardData the {@code shared/data/guard} folder
     * @param corpus the corpus from {@link InjectionCorpus#load(Path)}
     * @param documents benign documents from {@link BenignDocuments#load}: the train ones are negatives and
     *     hosts for the positives, the validation ones set the threshold
     * @param encoder the sentence encoder
     * @return the model and counts
     */
    public static Result train(
            Path guardData,
            List<LabelledPrompt> corpus,
            List<BenignDocuments.Document> documents,
            SentenceEncoder encoder) {
        BipiaSet bipia = BipiaSet.train(guardData);
        return train(guardData, corpus, documents, attackPieces(bipia), encoder);
    }

    /**
     * Trains the model with given attack pieces (an evaluation can hold some of BIPIA's train attacks out).
     *
     * @param guardData the {@code shared/data/guard} folder
     * @param corpus the corpus from {@link InjectionCorpus#load(Path)}
     * @param documents benign documents from {@link BenignDocuments#load}
     * @param attacks the positive pieces placed into documents, from {@link #attackPieces(BipiaSet)}
     * @param encoder the sentence encoder
     * @return the model and counts
     */
    public static Result train(
            Path guardData,
            List<LabelledPrompt> corpus,
            List<BenignDocuments.Document> documents,
            List<AttackPiece> attacks,
            SentenceEncoder encoder) {
        BipiaSet bipia = BipiaSet.train(guardData);
        List<Doc> hosts = new ArrayList<>();
        for (String context : bipia.contexts()) {
            if (InjectionCorpus.splitOf(TextNormalizer.fold(context)) != Split.TEST) {
                hosts.add(Doc.of(context));
            }
        }
        List<Doc> negatives = new ArrayList<>(hosts);
        negatives.addAll(otherDocuments(guardData, corpus));
        List<String> validation = new ArrayList<>();
        List<List<String>> all = new ArrayList<>();
        for (BenignDocuments.Document d : documents) {
            Doc doc = Doc.of(d.text());
            if (doc.pieces().isEmpty()) {
                continue;
            }
            switch (d.split()) {
                case TRAIN -> {
                    negatives.add(doc);
                    hosts.add(doc);
                }
                case VALIDATION -> {
                    validation.add(d.text());
                    all.add(doc.pieces());
                }
                case TEST -> {}
            }
        }
        List<String> prompts = promptPieces(corpus);
        negatives.forEach(d -> all.add(d.pieces()));
        Map<String, float[]> vectors =
                embed(encoder, all, attacks.stream().map(AttackPiece::text).toList(), prompts);
        List<Example> examples = new ArrayList<>();
        for (Doc document : negatives) {
            double[] novelty = IndirectInjectionGuardrail.novelty(
                    document.pieces().stream().map(vectors::get).toList());
            for (int i = 0; i < document.pieces().size(); i++) {
                examples.add(new Example(
                        document.pieces().get(i),
                        false,
                        novelty[i],
                        document.sideEffectCode().get(i)));
            }
        }
        for (int k = 0; k < attacks.size(); k++) {
            for (int c = 0; c < ATTACK_COPIES; c++) {
                examples.add(placed(attacks.get(k), hosts.get((k * 7 + c * 13) % hosts.size()), vectors));
            }
        }
        for (int k = 0; k < prompts.size(); k++) {
            examples.add(placed(new AttackPiece(prompts.get(k), false), hosts.get((k * 11) % hosts.size()), vectors));
        }
        return fit(examples, validation, vectors, encoder.dimension());
    }

    private static Result fit(
            List<Example> examples, List<String> validation, Map<String, float[]> vectors, int dimension) {
        List<LogisticRegressionTrainer.Example> fit = new ArrayList<>();
        int positives = 0;
        for (Example e : examples) {
            fit.add(new LogisticRegressionTrainer.Example(features(e, vectors), e.positive()));
            positives += e.positive() ? 1 : 0;
        }
        LinearModel raw =
                new LogisticRegressionTrainer(SETTINGS).fit(fit, 0.5f, dimension + IndirectInjectionGuardrail.CUES);
        LinearModel quantised = InjectionTraining.roundTrip(raw);
        IndirectInjectionGuardrail scanner =
                new IndirectInjectionGuardrail(new KnownVectors(vectors, dimension), quantised);
        double[] scores =
                validation.stream().mapToDouble(d -> scanner.assess(d).score()).toArray();
        float threshold = threshold(scores, DOCUMENT_FPR);
        long flagged = Arrays.stream(scores).filter(p -> p >= threshold).count();
        return new Result(
                quantised.withThreshold(threshold), positives, fit.size() - positives, scores.length, (int) flagged);
    }

    /**
     * The lowest threshold (never below 0.5) at which at most {@code rate} of the scores reach it.
     *
     * @param scores the benign documents' scores
     * @param rate the share allowed at or above the threshold
     * @return the threshold
     */
    static float threshold(double[] scores, double rate) {
        if (scores.length == 0) {
            return 0.5f;
        }
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        int allowed = (int) Math.floor(rate * sorted.length);
        double above = sorted[sorted.length - 1 - allowed];
        return (float) Math.min(1.0, Math.max(0.5, Math.nextUp((float) above)));
    }

    /** Looks up the vectors embedded for training, so that validation documents are scored without the encoder. */
    private record KnownVectors(Map<String, float[]> vectors, int dimension) implements SentenceEncoder {
        @Override
        public List<float[]> embedAll(List<String> texts) {
            return texts.stream().map(t -> vector(vectors, t)).toList();
        }
    }

    private static dev.kiln.guard.injection.SparseVector features(Example e, Map<String, float[]> vectors) {
        return IndirectInjectionGuardrail.features(
                e.piece(), vector(vectors, e.piece()), e.novelty(), e.sideEffectCode());
    }

    private static float[] vector(Map<String, float[]> vectors, String piece) {
        float[] v = vectors.get(piece);
        if (v == null) {
            throw new IllegalStateException("no embedding for a piece that was embedded");
        }
        return v;
    }

    /** A positive piece placed into a context: its novelty is measured against the context's pieces. */
    private static Example placed(AttackPiece piece, Doc context, Map<String, float[]> vectors) {
        List<float[]> document = new ArrayList<>();
        context.pieces().forEach(p -> document.add(vector(vectors, p)));
        document.add(vector(vectors, piece.text()));
        double[] novelty = IndirectInjectionGuardrail.novelty(document);
        return new Example(piece.text(), true, novelty[novelty.length - 1], piece.sideEffectCode());
    }

    private static Map<String, float[]> embed(
            SentenceEncoder encoder, List<List<String>> documents, List<String> attacks, List<String> prompts) {
        Set<String> unique = new LinkedHashSet<>();
        documents.forEach(unique::addAll);
        unique.addAll(attacks);
        unique.addAll(prompts);
        List<String> texts = new ArrayList<>(unique);
        List<float[]> embedded = encoder.embedAll(texts);
        Map<String, float[]> vectors = new HashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            vectors.put(texts.get(i), embedded.get(i));
        }
        return vectors;
    }

    private static List<Doc> otherDocuments(Path guardData, List<LabelledPrompt> corpus) {
        List<Doc> documents = new ArrayList<>();
        List<LabelledText> presidio = PresidioPiiSet.read(guardData.resolve("pii-presidio/synth_dataset_v2.json"));
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(CAP_DOCUMENTS, presidio.size()); i++) {
            addIfAny(documents, presidio.get(i).text());
            rows.add(tableRow(presidio.get(i)));
            if (rows.size() == TABLE_ROWS) {
                documents.add(Doc.plain(List.copyOf(rows)));
                rows.clear();
            }
        }
        int taken = 0;
        for (LabelledPrompt p : corpus) {
            if (p.source().equals("humaneval") && p.split() != Split.TEST && taken++ < CAP_DOCUMENTS) {
                addIfAny(documents, p.text());
            }
        }
        return documents;
    }

    private static void addIfAny(List<Doc> documents, String text) {
        Doc doc = Doc.of(text);
        if (!doc.pieces().isEmpty()) {
            documents.add(doc);
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

    private static List<String> promptPieces(List<LabelledPrompt> corpus) {
        List<String> pieces = new ArrayList<>();
        Map<String, Integer> taken = new HashMap<>();
        for (LabelledPrompt p : corpus) {
            if (p.split() == Split.TEST || !PROMPT_SOURCES.contains(p.source()) || p.injection()) {
                continue;
            }
            List<String> first = IndirectInjectionGuardrail.pieces(p.text());
            if (!first.isEmpty() && taken.merge(p.source(), 1, Integer::sum) <= CAP_PER_SOURCE) {
                pieces.add(first.get(0));
            }
        }
        return pieces;
    }

    /**
     * The positive pieces of BIPIA attacks: every piece of a text attack, and for a code attack the pieces
     * before its code, the last of them marked when the code has side effects ({@link
     * IndirectInjectionGuardrail#sideEffectCode(String)}).
     *
     * @param bipia the attacks
     * @return the pieces, each once (marked if any of its occurrences is), in order
     */
    public static List<AttackPiece> attackPieces(BipiaSet bipia) {
        Map<String, Boolean> attack = new LinkedHashMap<>();
        bipia.textAttacks()
                .forEach(a ->
                        IndirectInjectionGuardrail.pieces(a).forEach(p -> attack.merge(p, false, Boolean::logicalOr)));
        for (String a : bipia.codeAttacks()) {
            int fence = a.indexOf("```");
            List<String> pieces = IndirectInjectionGuardrail.pieces(fence < 0 ? a : a.substring(0, fence));
            boolean[] sideEffects = IndirectInjectionGuardrail.sideEffectCode(a);
            for (int i = 0; i < pieces.size(); i++) {
                attack.merge(pieces.get(i), sideEffects[i], Boolean::logicalOr);
            }
        }
        List<AttackPiece> out = new ArrayList<>();
        attack.forEach((text, sideEffects) -> out.add(new AttackPiece(text, sideEffects)));
        return out;
    }
}
