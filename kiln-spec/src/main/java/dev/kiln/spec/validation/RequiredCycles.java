package dev.kiln.spec.validation;

import dev.kiln.spec.Relation;
import dev.kiln.spec.RelationKind;
import dev.kiln.spec.ServiceSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Rejects required to-one relations that form a cycle ({@code A} needs a {@code B} that needs an
 * {@code A}, or an entity that needs itself): no first row could ever be created.
 */
final class RequiredCycles {
    private RequiredCycles() {}

    static void check(ServiceSpec spec, ProblemLocator locator, List<SpecProblem> problems) {
        Map<String, List<Integer>> edges = new HashMap<>();
        for (int i = 0; i < spec.relations().size(); i++) {
            Relation relation = spec.relations().get(i);
            if (relation.required() && relation.kind() != RelationKind.MANY_TO_MANY) {
                edges.computeIfAbsent(relation.from(), k -> new ArrayList<>()).add(i);
            }
        }
        Set<String> done = new HashSet<>();
        for (String start : edges.keySet().stream().sorted().toList()) {
            List<Integer> path = new ArrayList<>();
            @Nullable Integer closing = walk(start, spec, edges, new ArrayList<>(), done, path);
            if (closing != null) {
                List<String> names = new ArrayList<>();
                path.forEach(i -> names.add(spec.relations().get(i).from()));
                names.add(spec.relations().get(closing).to());
                problems.add(locator.problem(
                        "relations[" + closing + "].required",
                        "required relations form a cycle ("
                                + String.join(" -> ", names) + "), so no first row could be created; make one of them"
                                + " optional (remove 'required')"));
                return;
            }
        }
    }

    private static @Nullable Integer walk(
            String entity,
            ServiceSpec spec,
            Map<String, List<Integer>> edges,
            List<String> stack,
            Set<String> done,
            List<Integer> path) {
        if (done.contains(entity)) {
            return null;
        }
        stack.add(entity);
        for (int index : edges.getOrDefault(entity, List.of())) {
            String next = spec.relations().get(index).to();
            path.add(index);
            if (stack.contains(next)) {
                return index;
            }
            @Nullable Integer found = walk(next, spec, edges, stack, done, path);
            if (found != null) {
                return found;
            }
            path.removeLast();
        }
        stack.removeLast();
        done.add(entity);
        return null;
    }
}
