package dev.kiln.intent.internal.rules;

import dev.kiln.intent.Explanation;
import dev.kiln.intent.ParsedIntent;
import dev.kiln.spec.Entity;
import dev.kiln.spec.Field;
import dev.kiln.spec.Relation;
import dev.kiln.spec.SearchFeature;
import dev.kiln.spec.ServiceSpec;
import dev.kiln.spec.naming.RelationNames;
import dev.kiln.spec.validation.ProblemLocator;
import dev.kiln.spec.validation.SemanticRules;
import dev.kiln.spec.validation.SpecProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns a {@link Draft} into a {@link ServiceSpec} that passes {@link SemanticRules}, with an
 * {@link Explanation} for every entity, field, relation and feature.
 *
 * <p>Names are valid by construction. A field that a relation's property would shadow is dropped in
 * favour of the relation. Anything the semantic rules still reject is dropped with a warning, so the
 * parser never returns a spec that the reader would refuse.
 */
final class SpecAssembler {
    private static final Pattern ENTITY_NAME = Pattern.compile("[A-Z][A-Za-z0-9]{0,59}");
    private static final Pattern FIELD_NAME = Pattern.compile("[a-z][A-Za-z0-9]{0,59}");
    private static final int MAX_REPAIRS = 20;

    ParsedIntent assemble(Draft draft) {
        List<DraftEntity> entities = new ArrayList<>(draft.entities().stream()
                .filter(e -> ENTITY_NAME.matcher(e.name()).matches())
                .toList());
        List<RelationSet.DraftRelation> relations = new ArrayList<>(draft.relations());
        relations.removeIf(r -> entities.stream().noneMatch(e -> e.name().equals(r.from()))
                || entities.stream().noneMatch(e -> e.name().equals(r.to())));
        dropShadowedFields(entities, relations);
        SearchFeature search = draft.features().search;
        if (search != null) {
            draft.features().search = new SearchFeature(search.type(), searchable(search, entities));
        }
        ServiceSpec spec = build(draft, entities, relations);
        for (int i = 0; i < MAX_REPAIRS; i++) {
            List<SpecProblem> problems = SemanticRules.check(spec, ProblemLocator.NONE);
            if (problems.isEmpty()) {
                return new ParsedIntent(spec, explain(spec, entities, relations, draft), draft.warnings());
            }
            repair(problems.getFirst(), entities, relations, draft);
            spec = build(draft, entities, relations);
        }
        throw new IllegalStateException(
                "the parser built a spec it cannot repair: " + SemanticRules.check(spec, ProblemLocator.NONE));
    }

    private static void dropShadowedFields(List<DraftEntity> entities, List<RelationSet.DraftRelation> relations) {
        for (RelationSet.DraftRelation r : relations) {
            String property = RelationNames.property(relation(r));
            entities.stream().filter(e -> e.name().equals(r.from())).forEach(e -> e.removeField(property));
        }
    }

    private static List<String> searchable(SearchFeature search, List<DraftEntity> entities) {
        return search.fields().stream()
                .filter(ref -> entities.stream()
                        .anyMatch(e -> e.fields().stream()
                                .anyMatch(f ->
                                        ref.equals(e.name() + "." + f.field().name())
                                                && f.field().type().isText())))
                .toList();
    }

    private static ServiceSpec build(
            Draft draft, List<DraftEntity> entities, List<RelationSet.DraftRelation> relations) {
        List<Entity> specEntities = new ArrayList<>();
        for (DraftEntity e : entities) {
            List<Field> fields = e.fields().stream()
                    .map(DraftEntity.DraftField::field)
                    .filter(f -> FIELD_NAME.matcher(f.name()).matches())
                    .toList();
            specEntities.add(new Entity(e.name(), null, null, fields, List.of()));
        }
        List<Relation> specRelations =
                relations.stream().map(SpecAssembler::relation).toList();
        return new ServiceSpec(
                ServiceSpec.FORMAT_VERSION,
                draft.name(),
                draft.basePackage(),
                draft.description(),
                specEntities,
                specRelations,
                draft.features().features());
    }

    private static Relation relation(RelationSet.DraftRelation r) {
        return new Relation(r.from(), r.to(), r.kind(), null, null, false, null);
    }

    private static void repair(
            SpecProblem problem, List<DraftEntity> entities, List<RelationSet.DraftRelation> relations, Draft draft) {
        String path = problem.path();
        draft.warnings().add("dropped " + path + " so the spec stays valid: " + problem.message());
        int[] index = indexes(path);
        if (path.startsWith("relations[") && index.length > 0) {
            relations.remove(index[0]);
        } else if (path.startsWith("entities[") && index.length > 1 && path.contains(".fields[")) {
            DraftEntity e = entities.get(index[0]);
            e.removeField(e.fields().get(index[1]).field().name());
        } else if (path.startsWith("entities[") && index.length > 0) {
            String name = entities.get(index[0]).name();
            entities.remove(index[0]);
            relations.removeIf(r -> r.from().equals(name) || r.to().equals(name));
        } else if (path.startsWith("features.search")) {
            draft.features().search = null;
        } else if (path.startsWith("features.rateLimit")) {
            draft.features().rateLimit = null;
        } else {
            draft.features().auth = null;
        }
    }

    private static int[] indexes(String path) {
        return Pattern.compile("\\[(\\d+)]")
                .matcher(path)
                .results()
                .mapToInt(m -> Integer.parseInt(m.group(1)))
                .toArray();
    }

    private static List<Explanation> explain(
            ServiceSpec spec, List<DraftEntity> entities, List<RelationSet.DraftRelation> relations, Draft draft) {
        List<Explanation> out = new ArrayList<>();
        for (int i = 0; i < entities.size(); i++) {
            DraftEntity e = entities.get(i);
            out.add(new Explanation("entities[" + i + "]", "entity " + e.name(), e.evidence(), e.confidence()));
            List<Field> fields = spec.entities().get(i).fields();
            for (int j = 0; j < fields.size(); j++) {
                Field f = fields.get(j);
                DraftEntity.DraftField source = e.fields().stream()
                        .filter(d -> d.field().name().equals(f.name()))
                        .findFirst()
                        .orElseThrow();
                out.add(new Explanation(
                        "entities[" + i + "].fields[" + j + "]",
                        "field " + f.name() + ": " + f.type().id(),
                        source.evidence(),
                        source.confidence()));
            }
        }
        for (int k = 0; k < relations.size(); k++) {
            RelationSet.DraftRelation r = relations.get(k);
            out.add(new Explanation(
                    "relations[" + k + "]",
                    "relation " + r.from() + " " + r.kind().id() + " " + r.to(),
                    r.evidence(),
                    r.confidence()));
        }
        out.addAll(draft.features().explanations.stream()
                .filter(x -> present(x, spec))
                .toList());
        return out;
    }

    private static boolean present(Explanation x, ServiceSpec spec) {
        var f = spec.features();
        return switch (x.path()) {
            case "features.auth" -> f.auth() != null;
            case "features.rateLimit" -> f.rateLimit() != null;
            case "features.search" -> f.search() != null;
            case "features.audit" -> f.audit();
            case "features.softDelete" -> f.softDelete();
            case "features.cache" -> f.cache();
            case "features.multiTenant" -> f.multiTenant();
            default -> true;
        };
    }
}
