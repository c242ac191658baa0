package dev.kiln.spec.validation;

import dev.kiln.spec.Entity;
import dev.kiln.spec.Field;
import dev.kiln.spec.Relation;
import dev.kiln.spec.RelationKind;
import dev.kiln.spec.ServiceSpec;
import dev.kiln.spec.naming.Names;
import dev.kiln.spec.naming.RelationNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules a schema cannot express: unique names, relations to existing entities, constraints that fit
 * their field's type, defaults that parse.
 *
 * <p>Names that are Java or SQL keywords are allowed: the compiler renames or quotes them.
 */
public final class SemanticRules {
    /** Properties every generated entity has; a spec must not declare them. */
    public static final Set<String> IMPLICIT_FIELDS = Set.of("id", "version", "createdAt", "updatedAt");

    private SemanticRules() {}

    /**
     * Checks a spec.
     *
     * @param spec the bound spec
     * @param locator where paths sit in the source
     * @return the problems, in spec order; empty when the spec is sound
     */
    public static List<SpecProblem> check(ServiceSpec spec, ProblemLocator locator) {
        List<SpecProblem> problems = new ArrayList<>();
        checkEntities(spec, locator, problems);
        checkRelations(spec, locator, problems);
        RenameRules.check(spec, locator, problems);
        if (problems.isEmpty()) {
            RequiredCycles.check(spec, locator, problems);
        }
        FeatureRules.check(spec, locator, problems);
        return problems;
    }

    private static void checkEntities(ServiceSpec spec, ProblemLocator locator, List<SpecProblem> problems) {
        Map<String, String> tables = new HashMap<>();
        for (int i = 0; i < spec.entities().size(); i++) {
            Entity entity = spec.entities().get(i);
            String path = "entities[" + i + "]";
            String table = Names.snake(entity.plural() == null ? Names.plural(entity.name()) : entity.plural());
            String clash = tables.putIfAbsent(Names.snake(entity.name()), entity.name());
            if (clash != null) {
                problems.add(locator.problem(
                        path + ".name",
                        "entity '" + entity.name() + "' is declared twice (also as '" + clash
                                + "'); entity names must be unique"));
            }
            String tableClash = tables.putIfAbsent("#" + table, entity.name());
            if (tableClash != null && clash == null) {
                problems.add(locator.problem(
                        path + ".plural",
                        "entity '" + entity.name() + "' has the same plural '" + table + "' as '" + tableClash
                                + "'; set a distinct 'plural'"));
            }
            checkFields(entity, path, locator, problems);
        }
    }

    private static void checkFields(Entity entity, String path, ProblemLocator locator, List<SpecProblem> problems) {
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < entity.fields().size(); j++) {
            Field field = entity.fields().get(j);
            String fieldPath = path + ".fields[" + j + "]";
            if (IMPLICIT_FIELDS.contains(field.name())) {
                problems.add(locator.problem(
                        fieldPath + ".name",
                        "'" + field.name() + "' is added to every entity by Kiln; remove this field or rename it"));
            } else if (!seen.add(Names.snake(field.name()))) {
                problems.add(locator.problem(
                        fieldPath + ".name",
                        "field '" + field.name() + "' is declared twice in entity '" + entity.name()
                                + "'; field names must be unique"));
            }
            FieldRules.check(field, fieldPath, locator, problems);
        }
        for (int k = 0; k < entity.indexes().size(); k++) {
            List<String> indexed = entity.indexes().get(k).fields();
            for (int m = 0; m < indexed.size(); m++) {
                String name = indexed.get(m);
                if (entity.field(name).isEmpty()) {
                    List<String> known =
                            entity.fields().stream().map(Field::name).toList();
                    problems.add(locator.problem(
                            path + ".indexes[" + k + "].fields[" + m + "]",
                            "index names unknown field '" + name + "' of entity '" + entity.name() + "'."
                                    + Suggestions.didYouMean(name, known)));
                }
            }
        }
    }

    private static void checkRelations(ServiceSpec spec, ProblemLocator locator, List<SpecProblem> problems) {
        Map<String, Set<String>> properties = new HashMap<>();
        for (Entity entity : spec.entities()) {
            Set<String> names = new HashSet<>(IMPLICIT_FIELDS);
            entity.fields().forEach(f -> names.add(f.name()));
            properties.put(entity.name(), names);
        }
        for (int i = 0; i < spec.relations().size(); i++) {
            Relation relation = spec.relations().get(i);
            String path = "relations[" + i + "]";
            boolean fromKnown = knownEntity(spec, relation.from(), path + ".from", locator, problems);
            boolean toKnown = knownEntity(spec, relation.to(), path + ".to", locator, problems);
            if (relation.kind() == RelationKind.MANY_TO_MANY && relation.required()) {
                problems.add(locator.problem(
                        path + ".required", "a many-to-many relation cannot be required; remove 'required'"));
            }
            if (relation.required() && relation.onDelete() == dev.kiln.spec.OnDelete.SET_NULL) {
                problems.add(locator.problem(
                        path + ".onDelete",
                        "'set-null' cannot apply to a required relation; use 'restrict' or 'cascade'"));
            }
            if (!fromKnown || !toKnown) {
                continue;
            }
            String name = RelationNames.property(relation);
            if (!properties
                    .computeIfAbsent(relation.from(), k -> new HashSet<>())
                    .add(name)) {
                problems.add(locator.problem(
                        path,
                        "relation property '" + name + "' clashes with another field or relation of '" + relation.from()
                                + "'; set a distinct 'name'"));
            }
            String inverse = RelationNames.inverse(relation);
            if (!properties.computeIfAbsent(relation.to(), k -> new HashSet<>()).add("#" + inverse)) {
                problems.add(locator.problem(
                        path,
                        "inverse '" + inverse + "' of this relation clashes with another relation into '"
                                + relation.to() + "'; set a distinct 'inverse'"));
            }
        }
    }

    private static boolean knownEntity(
            ServiceSpec spec, String name, String path, ProblemLocator locator, List<SpecProblem> problems) {
        List<String> entityNames = spec.entities().stream().map(Entity::name).toList();
        if (entityNames.contains(name)) {
            return true;
        }
        String renamed = spec.entities().stream()
                .filter(entity -> name.equals(entity.renamedFrom()))
                .map(Entity::name)
                .findFirst()
                .map(newName -> " '" + name + "' is renamed to '" + newName + "': use the new name.")
                .orElse(Suggestions.didYouMean(name, entityNames));
        problems.add(locator.problem(
                path,
                "relation names unknown entity '" + name + "'; declared entities: " + String.join(", ", entityNames)
                        + "." + renamed));
        return false;
    }
}
