package dev.kiln.intent.internal.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything the parser found, ready to become a spec.
 *
 * @param name the service name
 * @param basePackage the Java base package
 * @param description what the service does
 * @param entities the entities, in order
 * @param relations the relations
 * @param features the features with their explanations
 * @param warnings what was ignored on purpose
 */
record Draft(
        String name,
        String basePackage,
        String description,
        List<DraftEntity> entities,
        List<RelationSet.DraftRelation> relations,
        FeatureDraft features,
        List<String> warnings) {
    /** Copies the lists; the warnings stay mutable so assembly can add to them. */
    Draft {
        entities = new ArrayList<>(entities);
        relations = new ArrayList<>(relations);
        warnings = new ArrayList<>(warnings);
    }
}
