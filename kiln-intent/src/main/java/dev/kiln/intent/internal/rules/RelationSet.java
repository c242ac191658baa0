package dev.kiln.intent.internal.rules;

import dev.kiln.spec.RelationKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The relations found so far, one per pair of entities.
 *
 * <p>A second relation between the same pair is dropped, except that many-to-many replaces a to-one
 * ("each course has many students" and "students enroll in many courses"), and one-to-one replaces a
 * many-to-one the other way round ("instructors drive cars" and "each instructor has one car"); "each
 * tenancy has one tenant" adds nothing to "tenants sign tenancies". A many-to-many between two
 * entities that a third joins ("a loan records ..." for members and books) is dropped in favour of the
 * joining entity.
 */
final class RelationSet {
    /**
     * A relation being built, with why it exists.
     *
     * @param from the owning entity name
     * @param to the target entity name
     * @param kind the kind
     * @param evidence the words it came from
     * @param confidence from 0 to 1
     */
    record DraftRelation(String from, String to, RelationKind kind, String evidence, double confidence) {}

    private final Map<String, List<String>> joinsByPair = new LinkedHashMap<>();

    /**
     * Records which entities, if they join the pair, replace a many-to-many between them: the records
     * of the verb that related them ("loan" for "borrow").
     */
    void allowJoins(String from, String to, List<String> joinNames) {
        joinsByPair.merge(pair(from, to), List.copyOf(joinNames), (a, b) -> {
            List<String> both = new ArrayList<>(a);
            b.stream().filter(n -> !both.contains(n)).forEach(both::add);
            return List.copyOf(both);
        });
    }

    private static String pair(String from, String to) {
        return from.compareTo(to) < 0 ? from + "|" + to : to + "|" + from;
    }

    private final Map<String, DraftRelation> byPair = new LinkedHashMap<>();
    private final Set<String> ones = new HashSet<>();
    private final Set<String> manys = new HashSet<>();

    void add(String from, String to, RelationKind kind, String evidence, double confidence) {
        if (from.equals(to)) {
            return;
        }
        String pair = pair(from, to);
        DraftRelation existing = byPair.get(pair);
        DraftRelation relation = new DraftRelation(from, to, kind, evidence, confidence);
        if (existing == null) {
            byPair.put(pair, relation);
        } else if (kind == RelationKind.MANY_TO_MANY && existing.kind() != RelationKind.MANY_TO_MANY) {
            byPair.put(pair, relation);
        } else if (kind == RelationKind.ONE_TO_ONE
                && existing.kind() == RelationKind.MANY_TO_ONE
                && existing.from().equals(to)) {
            byPair.put(pair, relation);
        }
    }

    /**
     * Records that each {@code owner} has exactly one {@code target} ("every attendee gets exactly one
     * wristband"). A many-to-one from the target to the owner then becomes one-to-one: each side has one.
     */
    void one(String owner, String target) {
        ones.add(owner + "|" + target);
    }

    /**
     * Records that each {@code owner} relates to many {@code target}s. When the prompt says the same the
     * other way round ("a recipe uses many ingredients and an ingredient appears in many recipes"), the
     * two are many-to-many.
     */
    void many(String owner, String target, String evidence) {
        manys.add(owner + "|" + target);
        if (manys.contains(target + "|" + owner)) {
            add(owner, target, RelationKind.MANY_TO_MANY, evidence, 0.8);
        }
    }

    List<DraftRelation> all() {
        List<DraftRelation> out = new ArrayList<>();
        for (DraftRelation found : byPair.values()) {
            DraftRelation r = found.kind() == RelationKind.MANY_TO_ONE && ones.contains(found.to() + "|" + found.from())
                    ? new DraftRelation(
                            found.from(), found.to(), RelationKind.ONE_TO_ONE, found.evidence(), found.confidence())
                    : found;
            List<String> joins = joinsByPair.getOrDefault(pair(r.from(), r.to()), List.of());
            if (r.kind() != RelationKind.MANY_TO_MANY || !joined(r.from(), r.to(), joins)) {
                out.add(r);
            }
        }
        return out;
    }

    private boolean joined(String a, String b, List<String> joins) {
        for (DraftRelation first : byPair.values()) {
            if (first.kind() == RelationKind.MANY_TO_ONE && first.to().equals(a) && joins.contains(first.from())) {
                for (DraftRelation second : byPair.values()) {
                    if (second.kind() == RelationKind.MANY_TO_ONE
                            && second.from().equals(first.from())
                            && second.to().equals(b)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
