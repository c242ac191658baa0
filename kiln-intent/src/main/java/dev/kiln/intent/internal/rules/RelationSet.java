package dev.kiln.intent.internal.rules;

import dev.kiln.spec.RelationKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The relations found so far, one per pair of entities.
 *
 * <p>A second relation between the same pair is dropped, except that many-to-many replaces a to-one
 * ("each course has many students" and "students enroll in many courses"). A many-to-many between two
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
        joinsByPair.put(pair(from, to), List.copyOf(joinNames));
    }

    private static String pair(String from, String to) {
        return from.compareTo(to) < 0 ? from + "|" + to : to + "|" + from;
    }

    private final Map<String, DraftRelation> byPair = new LinkedHashMap<>();

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
        }
    }

    List<DraftRelation> all() {
        List<DraftRelation> out = new ArrayList<>();
        for (DraftRelation r : byPair.values()) {
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
