package dev.kiln.guard.injection;

import com.google.re2j.Pattern;
import dev.kiln.guard.Category;
import dev.kiln.guard.Finding;
import dev.kiln.guard.GuardException;
import dev.kiln.guard.Guardrail;
import dev.kiln.guard.embedding.MiniLmSentenceEncoder;
import dev.kiln.guard.embedding.SentenceEncoder;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Detects instructions aimed at the model inside data that will be shown to it: a retrieved document, an
 * e-mail, a web page or a tool's output (indirect prompt injection). Unlike {@link InjectionGuardrail}, which
 * judges a prompt as a whole, it cuts the document into pieces with {@link DocumentSegmenter} and asks of
 * each piece whether it talks to an assistant ("add ... to your reply", "encode your answer", "include the
 * following code in your solution", a request a user would type into a chat) rather than being part of the
 * document. Each piece is embedded by a {@link SentenceEncoder} and scored by a logistic regression over the
 * embedding and a few cues; the highest-scoring piece decides, and an explicit override of earlier
 * instructions always does.
 */
public final class IndirectInjectionGuardrail implements Guardrail {
    /** The classpath location of the shipped model. */
    public static final String RESOURCE = "dev/kiln/guard/injection/indirect-model.bin.gz";

    /** The number of cue features after the embedding. */
    public static final int CUES = 9;

    private static final double OVERRIDE_SCORE = 0.95;
    private static final Pattern OVERRIDE = java.util.Objects.requireNonNull(LexicalFeatures.RULES.get("override"));
    private static final Pattern OUTPUT = Pattern.compile(
            "\\b(?:your|the) (?:response|reply|answer|message|output|responses|replies|answers)\\b|\\bin your (?:response|reply|answer)");
    private static final Pattern CODE = Pattern.compile(
            "\\b(?:following|below|subsequent|this) code\\b|\\bcode (?:snippet|block|excerpt|section|fragment)\\b");
    private static final Pattern SOLUTION = Pattern.compile(
            "\\byour (?:code|codebase|implementation|solution|algorithm|program|script|elucidation)\\b");
    private static final Pattern SECOND_PERSON = Pattern.compile("\\byou(?:r|rs|rself)?\\b");
    private static final Pattern LINK = Pattern.compile("\\bwww\\.|https?://|\\b[a-z0-9-]+\\.(?:com|xyz|net|org)\\b");
    private static final Set<String> VERBS = Set.of(
            "add",
            "analyze",
            "analyse",
            "append",
            "apply",
            "assess",
            "augment",
            "blend",
            "calculate",
            "can",
            "change",
            "classify",
            "compose",
            "convert",
            "create",
            "describe",
            "design",
            "determine",
            "develop",
            "draft",
            "embed",
            "encode",
            "encrypt",
            "enhance",
            "ensure",
            "explain",
            "express",
            "generate",
            "give",
            "help",
            "how",
            "identify",
            "ignore",
            "include",
            "incorporate",
            "insert",
            "integrate",
            "introduce",
            "is",
            "list",
            "make",
            "merge",
            "modify",
            "outline",
            "please",
            "predict",
            "provide",
            "recommend",
            "render",
            "replace",
            "reply",
            "respond",
            "rewrite",
            "send",
            "shift",
            "show",
            "suggest",
            "summarize",
            "summarise",
            "tell",
            "translate",
            "use",
            "what",
            "write");

    private final SentenceEncoder encoder;
    private final LinearModel model;

    /**
     * A guardrail with a given encoder and model.
     *
     * @param encoder the sentence encoder
     * @param model a model over {@link #features(String, float[], double)}
     */
    public IndirectInjectionGuardrail(SentenceEncoder encoder, LinearModel model) {
        if (model.weights().length != encoder.dimension() + CUES) {
            throw new IllegalArgumentException("the model has " + model.weights().length
                    + " weights; the encoder needs " + (encoder.dimension() + CUES));
        }
        this.encoder = encoder;
        this.model = model;
    }

    /**
     * The guardrail shipped with Kiln: MiniLM and the shipped model.
     *
     * @return the guardrail
     */
    public static IndirectInjectionGuardrail shipped() {
        return new IndirectInjectionGuardrail(new MiniLmSentenceEncoder(), shippedModel());
    }

    /**
     * The shipped model.
     *
     * @return the model
     * @throws GuardException if the resource is missing
     */
    public static LinearModel shippedModel() {
        InputStream in = IndirectInjectionGuardrail.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new GuardException("missing resource " + RESOURCE + "; train it with 'kiln guard train'");
        }
        return LinearModel.read(in);
    }

    @Override
    public String name() {
        return "indirect-injection";
    }

    @Override
    public List<Finding> inspect(String document) {
        InjectionAssessment a = assess(document);
        return a.detected()
                ? List.of(new Finding(Category.INJECTION, "INDIRECT_INJECTION", a.start(), a.end(), a.score()))
                : List.of();
    }

    /**
     * Scores a document by its most assistant-directed piece.
     *
     * @param document the document or tool output
     * @return the assessment, whose span is that piece
     */
    public InjectionAssessment assess(String document) {
        List<DocumentSegmenter.Segment> segments = DocumentSegmenter.segments(document);
        if (segments.isEmpty()) {
            return new InjectionAssessment(false, 0, 0, 0, List.of());
        }
        List<float[]> vectors = encoder.embedAll(
                segments.stream().map(DocumentSegmenter.Segment::text).toList());
        double[] novelty = novelty(vectors);
        double best = -1;
        DocumentSegmenter.Segment bestSegment = segments.get(0);
        for (int i = 0; i < segments.size(); i++) {
            double p = score(segments.get(i).text(), vectors.get(i), novelty[i]);
            if (p > best) {
                best = p;
                bestSegment = segments.get(i);
            }
        }
        List<String> rules = LexicalFeatures.firedRules(TextNormalizer.fold(bestSegment.text()));
        return new InjectionAssessment(
                best >= model.threshold(), Math.max(0, best), bestSegment.start(), bestSegment.end(), rules);
    }

    /**
     * The score of one piece.
     *
     * @param segment the piece
     * @param embedding its embedding
     * @param novelty how far it is from the rest of its document, from {@link #novelty(List)}
     * @return the probability that it is an instruction aimed at the model
     */
    public double score(String segment, float[] embedding, double novelty) {
        double p = model.probability(features(segment, embedding, novelty));
        // An explicit override decides on its own, whatever threshold the model was given.
        return OVERRIDE.matcher(TextNormalizer.fold(segment)).find()
                ? Math.max(p, Math.max(OVERRIDE_SCORE, model.threshold()))
                : p;
    }

    /**
     * The features of one piece: its embedding, then {@value #CUES} cues on the folded text (talks about
     * "your reply", about inserting "the following code", about "your solution", starts with an imperative or
     * question word, a phrase rule of {@link LexicalFeatures} fires, ends with a question mark, is a table
     * row, contains a link), and how out of place it is in its document.
     *
     * @param segment the piece
     * @param embedding its embedding
     * @param novelty how far it is from the rest of its document, from {@link #novelty(List)}
     * @return the vector
     */
    public static SparseVector features(String segment, float[] embedding, double novelty) {
        String folded = TextNormalizer.fold(segment);
        float[] x = java.util.Arrays.copyOf(embedding, embedding.length + CUES);
        int at = embedding.length;
        x[at] = cue(OUTPUT.matcher(folded).find());
        x[at + 1] = cue(CODE.matcher(folded).find());
        x[at + 2] = cue(SOLUTION.matcher(folded).find());
        List<String> words = LexicalFeatures.words(folded);
        x[at + 3] = cue(!words.isEmpty() && VERBS.contains(words.get(0)));
        x[at + 4] = cue(!LexicalFeatures.firedRules(folded).isEmpty());
        x[at + 5] = cue(folded.endsWith("?") && SECOND_PERSON.matcher(folded).find());
        x[at + 6] = cue(folded.startsWith("|"));
        x[at + 7] = cue(LINK.matcher(folded).find());
        x[at + 8] = (float) novelty;
        return SparseVector.dense(x);
    }

    /**
     * How out of place each piece is in its document: one minus the cosine between its embedding and the sum
     * of the other pieces' embeddings (1 for a piece alone). An instruction slipped into a table, an e-mail or
     * a code answer is usually unlike the pieces around it; that is what makes it an injection rather than an
     * ordinary request.
     *
     * @param vectors the unit-length embeddings of a document's pieces
     * @return one value per piece, from 0 to 2
     */
    public static double[] novelty(List<float[]> vectors) {
        double[] out = new double[vectors.size()];
        if (vectors.isEmpty()) {
            return out;
        }
        double[] sum = new double[vectors.get(0).length];
        for (float[] v : vectors) {
            for (int d = 0; d < sum.length; d++) {
                sum[d] += v[d];
            }
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = 1 - cosineToOthers(vectors.get(i), sum);
        }
        return out;
    }

    /** The cosine between a unit vector and {@code sum} minus that vector; 0 when nothing else is left. */
    static double cosineToOthers(float[] v, double[] sum) {
        double dot = 0;
        double norm = 0;
        for (int d = 0; d < sum.length; d++) {
            double other = sum[d] - v[d];
            dot += v[d] * other;
            norm += other * other;
        }
        return norm < 1e-12 ? 0 : dot / Math.sqrt(norm);
    }

    private static float cue(boolean on) {
        return on ? 0.5f : 0f;
    }

    /**
     * The model in use.
     *
     * @return the model and its threshold
     */
    public LinearModel model() {
        return model;
    }

    /**
     * The pieces of a document that would be scored, for training and explanations.
     *
     * @param document the document
     * @return the pieces' texts
     */
    public static List<String> pieces(String document) {
        List<String> texts = new ArrayList<>();
        DocumentSegmenter.segments(document).forEach(s -> texts.add(s.text()));
        return texts;
    }
}
