package dev.kiln.intent;

import dev.kiln.intent.internal.lexicon.Lexicon;
import dev.kiln.intent.internal.rules.RulePipeline;
import java.util.Objects;

/**
 * The offline intent parser: English analysis with Apache OpenNLP plus a lexicon of backend concepts.
 *
 * <p>Needs no network and no model server, and gives the same spec for the same prompt every time.
 * Prefer it for quick drafts, tests and air-gapped use; an LLM-backed parser understands freer prose.
 * The OpenNLP models load on the first parse (about half a second) and are shared by all instances;
 * a warm parse takes a few milliseconds. Instances are thread-safe.
 */
public final class RuleBasedIntentParser implements IntentParser {
    private final RulePipeline pipeline;

    /** Creates a parser with the shipped lexicon. */
    public RuleBasedIntentParser() {
        this.pipeline = new RulePipeline(Lexicon.standard());
    }

    @Override
    public ParsedIntent parse(String prompt) {
        Objects.requireNonNull(prompt, "prompt");
        return SecretFields.hide(pipeline.run(prompt));
    }
}
