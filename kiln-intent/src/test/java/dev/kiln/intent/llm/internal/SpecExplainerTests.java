package dev.kiln.intent.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.intent.Explanation;
import dev.kiln.intent.ParsedIntent;
import dev.kiln.spec.ServiceSpec;
import dev.kiln.spec.io.SpecReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecExplainerTests {
    private static final String ENTITIES = "\"entities\": [{\"name\": \"Post\", \"fields\": []},"
            + " {\"name\": \"Tag\", \"fields\": []}, {\"name\": \"Author\", \"fields\": []}]";

    private final SpecExplainer explainer = new SpecExplainer("qwen2.5");

    private static ServiceSpec spec(String rest) {
        return new SpecReader()
                .read(
                        "{\"kiln\": 1, \"name\": \"blog\", \"package\": \"blog\", " + ENTITIES + ", " + rest + "}",
                        "t",
                        true);
    }

    @Test
    void explainRatesRelationsByWhetherTheBaselineHasThem() {
        ServiceSpec model = spec("\"relations\": [{\"from\": \"Post\", \"to\": \"Author\", \"kind\": \"many-to-one\"},"
                + " {\"from\": \"Post\", \"to\": \"Tag\", \"kind\": \"many-to-many\"}]");
        ParsedIntent baseline = new ParsedIntent(
                spec("\"relations\": [{\"from\": \"Post\", \"to\": \"Author\", \"kind\": \"many-to-one\"}]"),
                List.of(),
                List.of());

        assertThat(explainer.explain(model, baseline, "posts by authors, with tags"))
                .filteredOn(e -> e.path().startsWith("relations"))
                .containsExactly(
                        new Explanation(
                                "relations[0]",
                                "relation Post -> Author (many-to-one)",
                                "LLM (model qwen2.5); the rule-based parser agrees",
                                0.9),
                        new Explanation(
                                "relations[1]",
                                "relation Post -> Tag (many-to-many)",
                                "LLM (model qwen2.5); inferred",
                                0.5));
    }

    @Test
    void explainCreditsFeaturesToTheBaselineOrToThePrompt() {
        ServiceSpec model = spec("\"features\": {\"audit\": true, \"cache\": true}");
        ParsedIntent baseline = new ParsedIntent(spec("\"features\": {\"audit\": true}"), List.of(), List.of());

        assertThat(explainer.explain(model, baseline, "posts, tags and authors; audited and cached"))
                .filteredOn(e -> e.path().startsWith("features"))
                .containsExactly(
                        new Explanation("features.audit", "feature audit", "the rule-based parser", 0.9),
                        new Explanation(
                                "features.cache", "feature cache", "LLM (model qwen2.5); the prompt asks for it", 0.7));
    }
}
