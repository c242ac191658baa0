package dev.kiln.spec.validation;

import dev.kiln.spec.AuthType;
import dev.kiln.spec.Entity;
import dev.kiln.spec.Features;
import dev.kiln.spec.ServiceSpec;
import java.util.List;

/** Checks that features refer to things the spec declares and fit together. */
final class FeatureRules {
    private FeatureRules() {}

    static void check(ServiceSpec spec, ProblemLocator locator, List<SpecProblem> problems) {
        Features features = spec.features();
        boolean authenticated = features.auth() != null && features.auth().type() != AuthType.NONE;
        if (features.rateLimit() != null) {
            RateLimitRules.check(features.rateLimit(), authenticated, locator, problems);
        }
        if (features.auth() != null
                && features.auth().type() == AuthType.NONE
                && !features.auth().roles().isEmpty()) {
            problems.add(locator.problem("features.auth.roles", "roles need an auth type other than 'none'"));
        }
        if (features.search() == null) {
            return;
        }
        List<String> fields = features.search().fields();
        for (int i = 0; i < fields.size(); i++) {
            String ref = fields.get(i);
            String path = "features.search.fields[" + i + "]";
            int dot = ref.indexOf('.');
            String entityName = ref.substring(0, dot);
            String fieldName = ref.substring(dot + 1);
            Entity entity = spec.entity(entityName).orElse(null);
            if (entity == null) {
                List<String> names = spec.entities().stream().map(Entity::name).toList();
                problems.add(locator.problem(
                        path,
                        "search names unknown entity '" + entityName + "'."
                                + Suggestions.didYouMean(entityName, names)));
            } else if (entity.field(fieldName).filter(f -> f.type().isText()).isEmpty()) {
                List<String> text = entity.fields().stream()
                        .filter(f -> f.type().isText())
                        .map(dev.kiln.spec.Field::name)
                        .toList();
                problems.add(locator.problem(
                        path,
                        "'" + fieldName + "' is not a text field of '" + entityName + "'; searchable fields: " + text
                                + "." + Suggestions.didYouMean(fieldName, text)));
            }
        }
    }
}
