package dev.kiln.intent.eval;

import java.util.List;
import java.util.Map;

/**
 * One labelled prompt: what a good parser should find in it.
 *
 * @param id a short identifier, for example {@code d07}
 * @param heldout whether the case belongs to the held-out split, which must not be tuned on
 * @param prompt the prompt
 * @param entities the expected entities, each with names that also count as right
 * @param fields per expected entity name, the field names the prompt names explicitly
 * @param relations the expected relations; direction does not matter, kind does
 * @param features the expected features, as {@code auth:oauth2}, {@code rateLimit}, {@code search:fulltext}...
 */
public record EvaluationCase(
        String id,
        boolean heldout,
        String prompt,
        List<ExpectedEntity> entities,
        Map<String, List<String>> fields,
        List<ExpectedRelation> relations,
        List<String> features) {

    /** Copies the collections. */
    public EvaluationCase {
        entities = List.copyOf(entities);
        fields = Map.copyOf(fields);
        relations = List.copyOf(relations);
        features = List.copyOf(features);
    }

    /**
     * An expected entity.
     *
     * @param name the preferred name
     * @param synonyms other names that count as right, for example {@code Article} for {@code Post}
     */
    public record ExpectedEntity(String name, List<String> synonyms) {
        /** Copies the list. */
        public ExpectedEntity {
            synonyms = synonyms == null ? List.of() : List.copyOf(synonyms);
        }
    }

    /**
     * An expected relation.
     *
     * @param from one entity, by its expected name
     * @param to the other entity
     * @param kind {@code many-to-one}, {@code one-to-one} or {@code many-to-many}
     */
    public record ExpectedRelation(String from, String to, String kind) {}
}
