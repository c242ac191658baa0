package dev.kiln.intent.llm.internal;

import dev.kiln.spec.Entity;
import dev.kiln.spec.Features;
import dev.kiln.spec.Field;
import dev.kiln.spec.Index;
import dev.kiln.spec.Relation;
import dev.kiln.spec.SearchFeature;
import dev.kiln.spec.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reconciles a model's spec with the baseline parser's spec for the same prompt, so the model can never add what
 * the prompt did not ask for.
 *
 * <p>An entity stays if the baseline has it or the prompt mentions it; an entity or field whose name suggests a
 * back door or an exposed secret stays only if the baseline has it; features follow {@link FeatureReconciler};
 * descriptions that read like instructions are removed. Everything removed or overruled becomes a warning.
 * Fields the model inferred (a post's {@code title}) stay: inferring them is what the model is for.
 */
public final class SpecReconciler {
    /**
     * Reconciles one spec.
     *
     * @param proposed the model's valid spec
     * @param baseline the baseline parser's spec; a spec without entities when the baseline found nothing
     * @param prompt the user's description
     * @return the reconciled spec and the warnings
     */
    public Reconciliation reconcile(ServiceSpec proposed, ServiceSpec baseline, String prompt) {
        List<String> warnings = new ArrayList<>();
        PromptVocabulary vocabulary = PromptVocabulary.of(prompt);
        List<Entity> entities = entities(proposed, baseline, vocabulary, warnings);
        List<Relation> relations = relations(proposed.relations(), entities, baseline, warnings);
        Features features =
                new FeatureReconciler(vocabulary, warnings).reconcile(proposed.features(), baseline.features());
        noteLeftOut(baseline, entities, warnings);
        boolean hasBaseline = !baseline.entities().isEmpty();
        ServiceSpec spec = new ServiceSpec(
                ServiceSpec.FORMAT_VERSION,
                hasBaseline ? baseline.name() : proposed.name(),
                hasBaseline ? baseline.basePackage() : proposed.basePackage(),
                description("description", proposed.description(), warnings),
                entities,
                relations,
                withExistingSearchFields(features, entities, warnings));
        return new Reconciliation(spec, warnings);
    }

    private static List<Entity> entities(
            ServiceSpec proposed, ServiceSpec baseline, PromptVocabulary vocabulary, List<String> warnings) {
        List<Entity> kept = new ArrayList<>();
        for (Entity entity : proposed.entities()) {
            Optional<Entity> known = find(baseline.entities(), Entity::name, entity.name());
            if (known.isEmpty() && RiskyNames.isRisky(entity.name())) {
                warnings.add("entities: dropped '" + entity.name() + "': the name suggests a back door or an exposed"
                        + " secret, and the rule-based parser found no such entity in the prompt");
            } else if (known.isEmpty() && !vocabulary.mentions(entity.name())) {
                warnings.add("entities: dropped '" + entity.name() + "', which the prompt does not mention");
            } else {
                kept.add(screened(entity, known.orElse(null), warnings));
            }
        }
        return kept;
    }

    private static Entity screened(Entity entity, @Nullable Entity known, List<String> warnings) {
        List<Field> fields = new ArrayList<>();
        for (Field field : entity.fields()) {
            boolean inBaseline = known != null
                    && find(known.fields(), Field::name, field.name()).isPresent();
            String where = entity.name() + "." + field.name();
            if (!inBaseline && RiskyNames.isRisky(field.name())) {
                warnings.add("fields: dropped '" + where + "': the name suggests a back door or an exposed secret,"
                        + " and the rule-based parser found no such field in the prompt");
            } else {
                fields.add(withDescription(field, description(where, field.description(), warnings)));
            }
        }
        Set<String> names = fields.stream().map(Field::name).collect(Collectors.toSet());
        List<Index> indexes = entity.indexes().stream()
                .map(i -> new Index(i.fields().stream().filter(names::contains).toList(), i.unique()))
                .filter(i -> !i.fields().isEmpty())
                .toList();
        return new Entity(
                entity.name(),
                entity.plural(),
                description(entity.name(), entity.description(), warnings),
                fields,
                indexes);
    }

    private static List<Relation> relations(
            List<Relation> proposed, List<Entity> entities, ServiceSpec baseline, List<String> warnings) {
        Set<String> names = entities.stream().map(Entity::name).collect(Collectors.toSet());
        List<Relation> kept = new ArrayList<>();
        for (Relation relation : proposed) {
            String label = relation.from() + " -> " + relation.to();
            if (!names.contains(relation.from()) || !names.contains(relation.to())) {
                warnings.add("relations: dropped " + label + ", whose entity was dropped");
            } else if (isRiskyName(relation) && !inBaseline(relation, baseline)) {
                warnings.add("relations: dropped the names of " + label + ", which suggest a back door; Kiln derives"
                        + " plain ones");
                kept.add(new Relation(
                        relation.from(),
                        relation.to(),
                        relation.kind(),
                        null,
                        null,
                        relation.required(),
                        relation.onDelete()));
            } else {
                kept.add(relation);
            }
        }
        return kept;
    }

    private static boolean isRiskyName(Relation relation) {
        return (relation.name() != null && RiskyNames.isRisky(relation.name()))
                || (relation.inverse() != null && RiskyNames.isRisky(relation.inverse()));
    }

    private static boolean inBaseline(Relation relation, ServiceSpec baseline) {
        return baseline.relations().stream()
                .anyMatch(r -> r.from().equalsIgnoreCase(relation.from()) && r.to().equalsIgnoreCase(relation.to()));
    }

    /** Search fields must name fields that survived; the model's may name dropped ones. */
    private static Features withExistingSearchFields(Features features, List<Entity> entities, List<String> warnings) {
        SearchFeature search = features.search();
        if (search == null) {
            return features;
        }
        List<String> existing =
                search.fields().stream().filter(ref -> exists(ref, entities)).toList();
        if (existing.size() == search.fields().size()) {
            return features;
        }
        List<String> gone =
                search.fields().stream().filter(ref -> !existing.contains(ref)).toList();
        warnings.add("features.search.fields: dropped " + gone + ", whose entity or field is not in the spec");
        return new Features(
                features.auth(),
                features.rateLimit(),
                features.audit(),
                features.softDelete(),
                features.cache(),
                features.multiTenant(),
                new SearchFeature(search.type(), existing));
    }

    private static boolean exists(String reference, List<Entity> entities) {
        int dot = reference.indexOf('.');
        String entityName = dot < 0 ? reference : reference.substring(0, dot);
        String fieldName = reference.substring(dot + 1);
        return entities.stream()
                .anyMatch(e -> e.name().equals(entityName) && e.field(fieldName).isPresent());
    }

    private static void noteLeftOut(ServiceSpec baseline, List<Entity> entities, List<String> warnings) {
        for (Entity entity : baseline.entities()) {
            if (find(entities, Entity::name, entity.name()).isEmpty()) {
                warnings.add("entities: the model left out '" + entity.name() + "', which the rule-based parser"
                        + " found in the prompt; check that the spec still covers it");
            }
        }
    }

    private static @Nullable String description(String where, @Nullable String text, List<String> warnings) {
        if (text != null && RiskyNames.readsLikeInstructions(text)) {
            warnings.add(where + ": dropped the model's description, which reads like instructions to a program"
                    + " rather than documentation");
            return null;
        }
        return text;
    }

    private static Field withDescription(Field f, @Nullable String description) {
        return new Field(
                f.name(),
                f.type(),
                f.required(),
                f.unique(),
                f.min(),
                f.max(),
                f.minLength(),
                f.maxLength(),
                f.pattern(),
                f.defaultValue(),
                f.precision(),
                f.scale(),
                f.values(),
                description);
    }

    private static <T> Optional<T> find(List<T> items, java.util.function.Function<T, String> name, String wanted) {
        String key = wanted.toLowerCase(Locale.ROOT);
        return items.stream()
                .filter(i -> name.apply(i).toLowerCase(Locale.ROOT).equals(key))
                .findFirst();
    }
}
