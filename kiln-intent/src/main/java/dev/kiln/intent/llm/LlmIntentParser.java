package dev.kiln.intent.llm;

import dev.kiln.intent.IntentParser;
import dev.kiln.intent.ParsedIntent;
import dev.kiln.intent.UnclearPromptException;
import dev.kiln.intent.llm.internal.JsonModeChat;
import dev.kiln.intent.llm.internal.ModelOutcome;
import dev.kiln.intent.llm.internal.Reconciliation;
import dev.kiln.intent.llm.internal.SpecExplainer;
import dev.kiln.intent.llm.internal.SpecPrompts;
import dev.kiln.intent.llm.internal.SpecReconciler;
import dev.kiln.intent.llm.internal.SpecRepairLoop;
import dev.kiln.llm.LlmSettings;
import dev.kiln.llm.OpenAiChatModels;
import dev.kiln.spec.Features;
import dev.kiln.spec.InvalidSpecException;
import dev.kiln.spec.ServiceSpec;
import dev.kiln.spec.io.SpecReader;
import dev.kiln.spec.io.SpecWriter;
import dev.kiln.spec.validation.SchemaCheck;
import dev.langchain4j.model.chat.ChatModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An {@link IntentParser} that asks a chat model for the spec, checks and repairs the reply, and reconciles it
 * with a baseline parser so the model can only refine what the prompt asks for, never add to it.
 *
 * <p>Use it when {@code KILN_LLM_BASE_URL} points at an OpenAI-compatible server (see {@link LlmSettings}, and
 * {@value #MAX_REPAIRS_VARIABLE} for the repair rounds); the offline rule-based parser is the default and the
 * baseline. One parse runs these steps:
 *
 * <ol>
 *   <li>The baseline parses the prompt.
 *   <li>The model gets a system prompt with the spec rules and the trimmed JSON Schema, then the prompt, and is
 *       asked for the spec as one JSON object (in JSON mode where the server supports it).
 *   <li>The JSON object is cut out of the reply, whatever prose or code fences surround it, and validated by
 *       {@link SpecReader}. While it is unusable, the located problems go back to the model, at most
 *       {@code maxRepairs} times.
 *   <li>The valid spec is reconciled with the baseline: entities neither found by the baseline nor mentioned in
 *       the prompt, names that suggest a back door or an exposed secret, features the prompt does not ask for and
 *       descriptions that read like instructions are dropped; features the baseline found (authentication above
 *       all) are kept as the baseline has them. Each such decision is a warning.
 *   <li>If the model fails (HTTP error, time-out, a reply too large or never valid), the result is the baseline's,
 *       with a warning saying why.
 * </ol>
 *
 * <p>The result is deterministic for a deterministic model: requests ask for temperature 0 and a fixed seed. The
 * tests run against a scripted OpenAI-compatible server on the loopback interface; no real model was run in them.
 */
public final class LlmIntentParser implements IntentParser {
    /** Environment variable with the number of repair rounds; optional. */
    public static final String MAX_REPAIRS_VARIABLE = "KILN_LLM_MAX_REPAIRS";

    /** The number of repair rounds when none is configured. */
    public static final int DEFAULT_MAX_REPAIRS = 2;

    /** The largest reply read, in bytes; a spec is far smaller. */
    static final int MAX_REPLY_BYTES = 2 << 20;

    private static final int MAX_REPAIRS_LIMIT = 10;
    private static final int SEED = 42;

    /** The baseline's result when it finds nothing: a null object, so reconciliation needs no special case. */
    private static final ParsedIntent NOTHING = new ParsedIntent(
            new ServiceSpec(ServiceSpec.FORMAT_VERSION, "", "", null, List.of(), List.of(), Features.NONE),
            List.of(),
            List.of());

    private final IntentParser baseline;
    private final String modelName;
    private final SpecRepairLoop repairLoop;
    private final SpecReader reader;
    private final SpecReconciler reconciler = new SpecReconciler();
    private final SpecExplainer explainer;

    /**
     * Creates a parser that talks to the configured OpenAI-compatible server, with the default number of repairs.
     *
     * @param settings where the model is and how long to wait for it
     * @param baseline the offline parser whose result bounds and backs up the model's
     */
    public LlmIntentParser(LlmSettings settings, IntentParser baseline) {
        this(settings, DEFAULT_MAX_REPAIRS, baseline);
    }

    /**
     * Creates a parser that talks to the configured OpenAI-compatible server.
     *
     * @param settings where the model is and how long to wait for it
     * @param maxRepairs how many times an invalid reply is sent back with its problems, 0 to 10
     * @param baseline the offline parser whose result bounds and backs up the model's
     */
    public LlmIntentParser(LlmSettings settings, int maxRepairs, IntentParser baseline) {
        this(chatModel(settings), settings.model(), maxRepairs, baseline);
    }

    /**
     * Creates a parser around any LangChain4j chat model, for callers that configure the model themselves.
     *
     * @param model the chat model
     * @param modelName the model's name, quoted in explanations and warnings
     * @param maxRepairs how many times an invalid reply is sent back with its problems, 0 to 10
     * @param baseline the offline parser whose result bounds and backs up the model's
     */
    public LlmIntentParser(ChatModel model, String modelName, int maxRepairs, IntentParser baseline) {
        if (maxRepairs < 0 || maxRepairs > MAX_REPAIRS_LIMIT) {
            throw new IllegalArgumentException(
                    "maxRepairs must be within 0.." + MAX_REPAIRS_LIMIT + ", got " + maxRepairs);
        }
        SchemaCheck schema = new SchemaCheck();
        this.baseline = baseline;
        this.modelName = modelName;
        this.reader = new SpecReader(schema);
        this.repairLoop = new SpecRepairLoop(new JsonModeChat(model), new SpecPrompts(schema), reader, maxRepairs);
        this.explainer = new SpecExplainer(modelName);
    }

    /**
     * Returns the parser the environment asks for: this one when {@code KILN_LLM_BASE_URL} is set, else the
     * baseline itself.
     *
     * @param env the environment, usually {@code System.getenv()}
     * @param baseline the offline parser
     * @return the parser to use
     * @throws IllegalArgumentException if the LLM variables are set but incomplete or malformed
     */
    public static IntentParser fromEnvironment(Map<String, String> env, IntentParser baseline) {
        Optional<LlmSettings> settings = LlmSettings.fromEnvironment(env);
        if (settings.isEmpty()) {
            return baseline;
        }
        return new LlmIntentParser(settings.get(), maxRepairs(env), baseline);
    }

    /** Reads {@value #MAX_REPAIRS_VARIABLE}, naming it in any complaint. */
    static int maxRepairs(Map<String, String> env) {
        String text = env.getOrDefault(MAX_REPAIRS_VARIABLE, "").strip();
        if (text.isEmpty()) {
            return DEFAULT_MAX_REPAIRS;
        }
        long repairs;
        try {
            repairs = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(MAX_REPAIRS_VARIABLE + " must be a whole number, got '" + text + "'", e);
        }
        if (repairs < 0 || repairs > MAX_REPAIRS_LIMIT) {
            throw new IllegalArgumentException(
                    MAX_REPAIRS_VARIABLE + " must be within 0.." + MAX_REPAIRS_LIMIT + ", got " + repairs);
        }
        return (int) repairs;
    }

    @Override
    public ParsedIntent parse(String prompt) {
        if (prompt.isBlank()) {
            return baseline.parse(prompt);
        }
        Baseline base = baselineFor(prompt);
        ModelOutcome outcome = repairLoop.run(prompt);
        return switch (outcome) {
            case ModelOutcome.Accepted accepted -> reconciled(prompt, accepted.spec(), base);
            case ModelOutcome.Failed failed -> fallback(base, failed.reason());
        };
    }

    /** The baseline's result, or the empty null object and the reason the baseline found nothing. */
    private record Baseline(ParsedIntent intent, @Nullable UnclearPromptException unclear) {}

    private Baseline baselineFor(String prompt) {
        try {
            return new Baseline(baseline.parse(prompt), null);
        } catch (UnclearPromptException e) {
            // The model may still understand a prompt the rules cannot; the exception is rethrown if it fails too.
            return new Baseline(NOTHING, e);
        }
    }

    private ParsedIntent reconciled(String prompt, ServiceSpec proposed, Baseline base) {
        Reconciliation reconciliation =
                reconciler.reconcile(proposed, base.intent().spec(), prompt);
        ServiceSpec spec;
        try {
            spec = reader.read(SpecWriter.toJson(reconciliation.spec()), "reconciled spec", true);
        } catch (InvalidSpecException e) {
            return fallback(
                    base,
                    "the model's spec no longer held together after removing what the prompt does not ask for ("
                            + e.problems().get(0).message() + ")");
        }
        List<String> warnings = new ArrayList<>(base.intent().warnings());
        reconciliation.warnings().forEach(w -> warnings.add("LLM (model " + modelName + "): " + w));
        return new ParsedIntent(spec, explainer.explain(spec, base.intent(), prompt), warnings);
    }

    private ParsedIntent fallback(Baseline base, String reason) {
        UnclearPromptException unclear = base.unclear();
        if (unclear != null) {
            throw unclear;
        }
        ParsedIntent intent = base.intent();
        List<String> warnings = new ArrayList<>(intent.warnings());
        warnings.add("LLM (model " + modelName + ") not used, the rule-based result is shown instead: " + reason);
        return new ParsedIntent(intent.spec(), intent.explanations(), warnings);
    }

    private static ChatModel chatModel(LlmSettings settings) {
        return OpenAiChatModels.builder(settings, MAX_REPLY_BYTES).seed(SEED).build();
    }
}
