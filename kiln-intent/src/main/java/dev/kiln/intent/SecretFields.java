package dev.kiln.intent;

import dev.kiln.spec.Entity;
import dev.kiln.spec.Field;
import dev.kiln.spec.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Marks fields that hold secrets (password hashes, token and key hashes) as write-only, so the generated
 * API accepts them but never returns, filters or sorts by them.
 */
final class SecretFields {
    private static final Pattern SECRET =
            Pattern.compile("(?i)(password|passwd|secret|token|apikey)\\w*(hash|digest)?");

    private SecretFields() {}

    static ParsedIntent hide(ParsedIntent parsed) {
        ServiceSpec spec = parsed.spec();
        List<Explanation> explanations = new ArrayList<>(parsed.explanations());
        List<Entity> entities = new ArrayList<>();
        for (int i = 0; i < spec.entities().size(); i++) {
            Entity entity = spec.entities().get(i);
            List<Field> fields = new ArrayList<>();
            for (int j = 0; j < entity.fields().size(); j++) {
                Field field = entity.fields().get(j);
                if (SECRET.matcher(field.name()).matches() && !field.writeOnly()) {
                    field = new Field(
                            field.name(),
                            field.type(),
                            field.required(),
                            field.unique(),
                            field.min(),
                            field.max(),
                            field.minLength(),
                            field.maxLength(),
                            field.pattern(),
                            field.defaultValue(),
                            field.precision(),
                            field.scale(),
                            field.values(),
                            "Secret (write-only): accepted in requests, never returned by the API.",
                            true);
                    explanations.add(new Explanation(
                            "entities[" + i + "].fields[" + j + "].writeOnly",
                            "writeOnly: " + field.name(),
                            "a secret must never leave the service",
                            1.0));
                }
                fields.add(field);
            }
            entities.add(new Entity(entity.name(), entity.plural(), entity.description(), fields, entity.indexes()));
        }
        List<String> warnings = parsed.warnings().stream()
                .filter(w -> !w.contains("no write-only marker"))
                .toList();
        ServiceSpec hidden = new ServiceSpec(
                spec.kiln(),
                spec.name(),
                spec.basePackage(),
                spec.description(),
                entities,
                spec.relations(),
                spec.features());
        return new ParsedIntent(hidden, explanations, warnings);
    }
}
