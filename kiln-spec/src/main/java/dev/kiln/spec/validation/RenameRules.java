package dev.kiln.spec.validation;

import dev.kiln.spec.Entity;
import dev.kiln.spec.Field;
import dev.kiln.spec.ServiceSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The rules for {@code renamedFrom} on entities and fields: a rename must name something that is gone from
 * the spec, only once, and not the thing itself.
 *
 * <p>Whether the old name exists in the project's recorded spec is not checked here: a spec may keep
 * {@code renamedFrom} after the rename has been applied, and regeneration then ignores it.
 */
final class RenameRules {
    private RenameRules() {}

    /**
     * Checks every {@code renamedFrom} of a spec.
     *
     * @param spec the bound spec
     * @param locator where paths sit in the source
     * @param problems where problems go
     */
    static void check(ServiceSpec spec, ProblemLocator locator, List<SpecProblem> problems) {
        Map<String, String> renamedEntities = new HashMap<>();
        List<String> entityNames = spec.entities().stream().map(Entity::name).toList();
        for (int i = 0; i < spec.entities().size(); i++) {
            Entity entity = spec.entities().get(i);
            String path = "entities[" + i + "]";
            String old = entity.renamedFrom();
            if (old != null) {
                checkOne(
                        new Rename("entity", entity.name(), old, path + ".renamedFrom"),
                        entityNames.contains(old),
                        renamedEntities,
                        locator,
                        problems);
            }
            checkFields(entity, path, locator, problems);
        }
    }

    private static void checkFields(Entity entity, String path, ProblemLocator locator, List<SpecProblem> problems) {
        Map<String, String> renamed = new HashMap<>();
        List<String> names = entity.fields().stream().map(Field::name).toList();
        for (int j = 0; j < entity.fields().size(); j++) {
            Field field = entity.fields().get(j);
            String old = field.renamedFrom();
            if (old == null) {
                continue;
            }
            String fieldPath = path + ".fields[" + j + "].renamedFrom";
            if (SemanticRules.IMPLICIT_FIELDS.contains(old)) {
                problems.add(locator.problem(
                        fieldPath,
                        "field '" + field.name() + "' cannot be renamed from '" + old
                                + "': Kiln adds that field to every entity"));
                continue;
            }
            checkOne(
                    new Rename("field", field.name(), old, fieldPath), names.contains(old), renamed, locator, problems);
        }
    }

    /** One declared rename: what kind of thing, its new name, its old name, and where it sits. */
    private record Rename(String kind, String name, String from, String path) {}

    private static void checkOne(
            Rename rename,
            boolean oldStillDeclared,
            Map<String, String> seen,
            ProblemLocator locator,
            List<SpecProblem> problems) {
        String message = problem(rename, oldStillDeclared, seen.putIfAbsent(rename.from(), rename.name()));
        if (message != null) {
            problems.add(locator.problem(rename.path(), message));
        }
    }

    private static @Nullable String problem(Rename rename, boolean oldStillDeclared, @Nullable String earlier) {
        String what = rename.kind() + " '" + rename.name() + "'";
        if (rename.from().equals(rename.name())) {
            return what + " is renamed from itself; remove 'renamedFrom'";
        }
        if (oldStillDeclared) {
            return what + " is renamed from '" + rename.from() + "', but '" + rename.from()
                    + "' is still declared; remove 'renamedFrom' (to keep both) or the old " + rename.kind();
        }
        if (earlier != null) {
            return what + " and " + rename.kind() + " '" + earlier + "' are both renamed from '" + rename.from()
                    + "'; only one can take its data";
        }
        return null;
    }
}
