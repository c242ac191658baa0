package dev.kiln.intent.llm.internal;

import dev.kiln.intent.Explanation;
import dev.kiln.intent.ParsedIntent;
import dev.kiln.spec.Entity;
import dev.kiln.spec.Features;
import dev.kiln.spec.Field;
import dev.kiln.spec.Relation;
import dev.kiln.spec.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Explains each part of a reconciled spec: which model wrote it, and whether the baseline parser or the prompt's
 * words back it up; the more backing, the higher the confidence.
 *
 * <p>Features the baseline found keep the baseline's own explanations, because the baseline's value is the one
 * kept.
 */
public final class SpecExplainer {
    /** Confidence of an element the baseline parser found too. */
    static final double CONFIRMED = 0.9;

    /** Confidence of an element the prompt names but the baseline did not find. */
    static final double MENTIONED = 0.7;

    /** Confidence of an element only the model came up with. */
    static final double INFERRED = 0.5;

    private final String evidence;

    /**
     * Creates an explainer for one model.
     *
     * @param modelName the model's name, quoted in every explanation
     */
    public SpecExplainer(String modelName) {
        this.evidence = "LLM (model " + modelName + ")";
    }

    /**
     * Explains a spec.
     *
     * @param spec the reconciled, validated spec
     * @param baseline the baseline's result for the same prompt
     * @param prompt the user's description
     * @return one explanation per entity, field, relation and feature, in spec order
     */
    public List<Explanation> explain(ServiceSpec spec, ParsedIntent baseline, String prompt) {
        PromptVocabulary vocabulary = PromptVocabulary.of(prompt);
        List<Explanation> explanations = new ArrayList<>();
        for (int i = 0; i < spec.entities().size(); i++) {
            explainEntity(i, spec.entities().get(i), baseline.spec(), vocabulary, explanations);
        }
        for (int k = 0; k < spec.relations().size(); k++) {
            explanations.add(explainRelation(k, spec.relations().get(k), baseline.spec()));
        }
        explainFeatures(spec.features(), baseline, explanations);
        return explanations;
    }

    private void explainEntity(
            int index, Entity entity, ServiceSpec baseline, PromptVocabulary vocabulary, List<Explanation> out) {
        Optional<Entity> known = entity(baseline, entity.name());
        String path = "entities[" + index + "]";
        out.add(backed(path, "entity " + entity.name(), known.isPresent(), vocabulary, entity.name()));
        for (int j = 0; j < entity.fields().size(); j++) {
            Field field = entity.fields().get(j);
            boolean inBaseline = known.flatMap(k -> field(k, field.name())).isPresent();
            String element = "field " + field.name() + ": " + field.type().id();
            out.add(backed(path + ".fields[" + j + "]", element, inBaseline, vocabulary, field.name()));
        }
    }

    private Explanation explainRelation(int index, Relation relation, ServiceSpec baseline) {
        boolean inBaseline = baseline.relations().stream()
                .anyMatch(r -> r.from().equalsIgnoreCase(relation.from()) && r.to().equalsIgnoreCase(relation.to()));
        String path = "relations[" + index + "]";
        String element = "relation " + relation.from() + " -> " + relation.to() + " ("
                + relation.kind().id() + ")";
        return inBaseline
                ? new Explanation(path, element, evidence + "; the rule-based parser agrees", CONFIRMED)
                : new Explanation(path, element, evidence + "; inferred", INFERRED);
    }

    private Explanation backed(
            String path, String element, boolean inBaseline, PromptVocabulary vocabulary, String name) {
        if (inBaseline) {
            return new Explanation(path, element, evidence + "; the rule-based parser agrees", CONFIRMED);
        }
        Optional<String> words = vocabulary.mentionOf(name);
        return words.isPresent()
                ? new Explanation(path, element, evidence + "; the prompt says \"" + words.get() + "\"", MENTIONED)
                : new Explanation(path, element, evidence + "; inferred, not named in the prompt", INFERRED);
    }

    private void explainFeatures(Features features, ParsedIntent baseline, List<Explanation> explanations) {
        Features known = baseline.spec().features();
        if (features.auth() != null) {
            feature("auth", "auth: " + features.auth().type().id(), known.auth() != null, baseline, explanations);
        }
        if (features.rateLimit() != null) {
            feature("rateLimit", "rate limit", known.rateLimit() != null, baseline, explanations);
        }
        if (features.audit()) {
            feature("audit", "audit", known.audit(), baseline, explanations);
        }
        if (features.softDelete()) {
            feature("softDelete", "soft delete", known.softDelete(), baseline, explanations);
        }
        if (features.cache()) {
            feature("cache", "cache", known.cache(), baseline, explanations);
        }
        if (features.multiTenant()) {
            feature("multiTenant", "multi-tenancy", known.multiTenant(), baseline, explanations);
        }
        if (features.search() != null) {
            feature("search", "search: " + features.search().type(), known.search() != null, baseline, explanations);
        }
    }

    private void feature(
            String name, String element, boolean inBaseline, ParsedIntent baseline, List<Explanation> explanations) {
        String path = "features." + name;
        List<Explanation> kept = baseline.explanations().stream()
                .filter(e -> e.path().equals(path) || e.path().startsWith(path + "."))
                .toList();
        if (inBaseline && !kept.isEmpty()) {
            explanations.addAll(kept);
        } else if (inBaseline) {
            explanations.add(new Explanation(path, "feature " + element, "the rule-based parser", CONFIRMED));
        } else {
            explanations.add(
                    new Explanation(path, "feature " + element, evidence + "; the prompt asks for it", MENTIONED));
        }
    }

    private static Optional<Entity> entity(ServiceSpec spec, String name) {
        return spec.entities().stream()
                .filter(e -> e.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    private static Optional<Field> field(Entity entity, String name) {
        return entity.fields().stream()
                .filter(f -> f.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                .findFirst();
    }
}
