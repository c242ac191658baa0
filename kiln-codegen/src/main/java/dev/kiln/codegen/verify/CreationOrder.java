package dev.kiln.codegen.verify;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Orders smoke targets so that every entity is created after the entities its references point to.
 *
 * <p>Ties keep the given order. An optional reference whose target cannot come first (a self reference, a
 * cycle, an entity no target creates) is dropped; a required one makes ordering fail.
 */
final class CreationOrder {
    private final List<SmokeTarget> targets;
    private final Set<String> known = new HashSet<>();

    private CreationOrder(List<SmokeTarget> targets) {
        this.targets = targets;
    }

    /**
     * Orders the targets for creation.
     *
     * @param targets the targets, in the order to keep where references allow
     * @return the same targets, each after the targets it references where possible
     * @throws StepFailure when a required reference cannot be satisfied
     */
    static List<SmokeTarget> of(List<SmokeTarget> targets) throws StepFailure {
        return new CreationOrder(targets).sort();
    }

    private List<SmokeTarget> sort() throws StepFailure {
        for (SmokeTarget target : targets) {
            if (!known.add(target.entity())) {
                throw new StepFailure("two smoke targets are both named " + target.entity());
            }
        }
        for (SmokeTarget target : targets) {
            checkRequired(target);
        }
        List<SmokeTarget> remaining = new ArrayList<>(targets);
        Set<String> created = new HashSet<>();
        List<SmokeTarget> order = new ArrayList<>();
        while (!remaining.isEmpty()) {
            Optional<SmokeTarget> next = first(remaining, target -> ready(target, created, true))
                    .or(() -> first(remaining, target -> ready(target, created, false)));
            if (next.isEmpty()) {
                throw new StepFailure(cycle(remaining));
            }
            remaining.remove(next.get());
            created.add(next.get().entity());
            order.add(next.get());
        }
        return List.copyOf(order);
    }

    private void checkRequired(SmokeTarget target) throws StepFailure {
        for (SmokeTarget.Reference reference : target.references()) {
            if (!reference.required()) {
                continue;
            }
            String name = target.entity() + "." + reference.property();
            if (reference.targetEntity().equals(target.entity())) {
                throw new StepFailure("cannot create the first " + target.entity() + ": its required reference " + name
                        + " points to another " + target.entity());
            }
            if (!known.contains(reference.targetEntity())) {
                throw new StepFailure("cannot create " + target.entity() + ": its required reference " + name
                        + " points to " + reference.targetEntity() + ", which no smoke target creates");
            }
        }
    }

    /**
     * Whether a target can be created now: its required references are all created, and, when strict, so are
     * its optional references to other entities that some target creates.
     */
    private boolean ready(SmokeTarget target, Set<String> created, boolean strict) {
        return target.references().stream()
                .allMatch(reference -> created.contains(reference.targetEntity())
                        || (!reference.required()
                                && (!strict
                                        || !known.contains(reference.targetEntity())
                                        || reference.targetEntity().equals(target.entity()))));
    }

    private static Optional<SmokeTarget> first(List<SmokeTarget> remaining, Predicate<SmokeTarget> ready) {
        return remaining.stream().filter(ready).findFirst();
    }

    private static String cycle(List<SmokeTarget> stuck) {
        String references = stuck.stream()
                .flatMap(target -> target.references().stream()
                        .filter(SmokeTarget.Reference::required)
                        .map(reference ->
                                target.entity() + "." + reference.property() + " -> " + reference.targetEntity()))
                .collect(Collectors.joining(", "));
        String names = stuck.stream().map(SmokeTarget::entity).collect(Collectors.joining(", "));
        return "cannot order " + names + " for creation: their required references form a cycle (" + references + ")";
    }
}
