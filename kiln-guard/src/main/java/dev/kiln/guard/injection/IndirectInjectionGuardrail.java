package dev.kiln.guard.injection;

import com.google.re2j.Pattern;
import dev.kiln.guard.Category;
import dev.kiln.guard.Finding;
import dev.kiln.guard.GuardException;
import dev.kiln.guard.Guardrail;
import dev.kiln.guard.embedding.BgeSmallSentenceEncoder;
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
    public static final int CUES = 10;

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
    /**
     * Code with effects beyond computing an answer: network access, running commands or code built at run
     * time, reading the environment or credential files, encoded payloads.
     */
    private static final Pattern SIDE_EFFECT_CODE = Pattern.compile("(?i)\\b(?:requests|httpx|aiohttp)\\.\\w+\\("
            + "|\\burllib\\b|\\burlopen\\b|\\bsocket\\.socket\\b|\\bsmtplib\\b|\\bftplib\\b|\\bparamiko\\b"
            + "|\\bos\\.(?:system|popen|environ|getenv)\\b|\\bsubprocess\\b|\\b(?:exec|eval)\\s*\\("
            + "|\\bbase64\\b|\\bpickle\\.loads?\\b|/etc/(?:passwd|shadow)|~/\\.ssh|\\b(?:curl|wget)\\s"
            + "|https?://");

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
     * The guardrail shipped with Kiln: the shipped encoder and model.
     *
     * @return the guardrail
     */
    public static IndirectInjectionGuardrail shipped() {
        return new IndirectInjectionGuardrail(shippedEncoder(), shippedModel());
    }

    /**
     * The encoder the shipped model was trained with: bge-small-en-v1.5 (quantised), which found more held-out
     * attacks at fewer false positives than all-MiniLM-L6-v2 for the same cost per piece (README, issue #8).
     *
     * @return a new encoder, loaded on first use
     */
    public static SentenceEncoder shippedEncoder() {
        return new BgeSmallSentenceEncoder();
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
            boolean sideEffects = sideEffectCodeAfter(document, segments.get(i).end());
            double p = score(segments.get(i).text(), vectors.get(i), novelty[i], sideEffects);
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
     * The score of one piece that may introduce code.
     *
     * @param segment the piece
     * @param embedding its embedding
     * @param novelty how far it is from the rest of its document, from {@link #novelty(List)}
     * @param sideEffectCode whether the piece is followed by a code block with side effects, from {@link
     *     #sideEffectCodeAfter(String, int)}
     * @return the probability that it is an instruction aimed at the model
     */
    public double score(String segment, float[] embedding, double novelty, boolean sideEffectCode) {
        double p = model.probability(features(segment, embedding, novelty, sideEffectCode));
        // An explicit override decides on its own, whatever threshold the model was given.
        return OVERRIDE.matcher(TextNormalizer.fold(segment)).find()
                ? Math.max(p, Math.max(OVERRIDE_SCORE, model.threshold()))
                : p;
    }

    /**
     * The features of one piece: its embedding, then {@value #CUES} cues on the folded text (talks about
     * "your reply", about inserting "the following code", about "your solution", starts with an imperative or
     * question word, a phrase rule of {@link LexicalFeatures} fires, ends with a question mark, is a table
     * row, contains a link), how out of place it is in its document, and whether the code block it introduces
     * has side effects (none here: see {@link #features(String, float[], double, boolean)}).
     *
     * @param segment the piece
     * @param embedding its embedding
     * @param novelty how far it is from the rest of its document, from {@link #novelty(List)}
     * @return the vector
     */
    public static SparseVector features(String segment, float[] embedding, double novelty) {
        return features(segment, embedding, novelty, false);
    }

    /**
     * The features of one piece, the last cue saying whether the piece is followed by a code block with side
     * effects (network access, commands, code run from strings, the environment, encoded payloads): an answer
     * that proposes a fix shows code for the task, an injected instruction to "add the following code" shows
     * code that does something else.
     *
     * @param segment the piece
     * @param embedding its embedding
     * @param novelty how far it is from the rest of its document, from {@link #novelty(List)}
     * @param sideEffectCode whether a code block with side effects follows the piece
     * @return the vector
     */
    public static SparseVector features(String segment, float[] embedding, double novelty, boolean sideEffectCode) {
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
        x[at + 9] = cue(sideEffectCode);
        return SparseVector.dense(x);
    }

    /**
     * Whether a fenced code block ({@code ```}) starts right after an offset (only white space between) and
     * its code has side effects: network access, running commands or code built from strings, reading the
     * environment or credential files, base64 or pickle payloads.
     *
     * @param document the document
     * @param end the offset after a piece
     * @return whether the piece introduces such code
     */
    public static boolean sideEffectCodeAfter(String document, int end) {
        int at = end;
        while (at < document.length() && Character.isWhitespace(document.charAt(at))) {
            at++;
        }
        if (!document.startsWith("```", at)) {
            return false;
        }
        int open = document.indexOf('\n', at);
        if (open < 0) {
            return false;
        }
        int close = document.indexOf("```", open);
        String code = document.substring(open, close < 0 ? document.length() : close);
        return SIDE_EFFECT_CODE.matcher(code).find();
    }

    /**
     * For each piece of {@link #pieces(String)}, whether it introduces code with side effects.
     *
     * @param document the document
     * @return one flag per piece, in order
     */
    public static boolean[] sideEffectCode(String document) {
        List<DocumentSegmenter.Segment> segments = DocumentSegmenter.segments(document);
        boolean[] out = new boolean[segments.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = sideEffectCodeAfter(document, segments.get(i).end());
        }
        return out;
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
