package dev.kiln.intent.eval;

import dev.kiln.spec.Entity;
import dev.kiln.spec.Features;
import dev.kiln.spec.Field;
import dev.kiln.spec.Relation;
import dev.kiln.spec.ServiceSpec;
import dev.kiln.spec.validation.SemanticRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Scores one parsed spec against one labelled case.
 *
 * <p>Entities match by name or synonym, ignoring case and punctuation; each found entity counts once.
 * Fields match by name within the matched entity; a field Kiln adds to every entity ({@code createdAt},
 * {@code updatedAt}...) counts as found in any matched entity, since the spec must not declare it. Relations match on the unordered pair of entities
 * (through the entity matching) plus the kind. Features match as labels.
 */
final class CaseScorer {
    private CaseScorer() {}

    static CaseResult score(EvaluationCase c, Optional<ServiceSpec> parsed, long nanos) {
        List<String> misses = new ArrayList<>();
        ServiceSpec spec = parsed.orElse(null);
        List<Entity> found = spec == null ? List.of() : spec.entities();
        Map<String, Entity> matched = matchEntities(c, found);
        Score entities = entityScore(c, found, matched, misses);
        int[] fields = fieldCounts(c, matched, misses);
        Score relations = relationScore(c, spec == null ? List.of() : spec.relations(), matched, misses);
        Score features = featureScore(c, spec == null ? Features.NONE : spec.features(), misses);
        if (spec == null) {
            misses.add("the parser gave no spec");
        }
        return new CaseResult(c.id(), c.heldout(), entities, fields[0], fields[1], relations, features, nanos, misses);
    }

    private static Map<String, Entity> matchEntities(EvaluationCase c, List<Entity> found) {
        Map<String, Entity> matched = new LinkedHashMap<>();
        Set<String> used = new LinkedHashSet<>();
        for (EvaluationCase.ExpectedEntity expected : c.entities()) {
            List<String> names = new ArrayList<>(expected.synonyms());
            names.addFirst(expected.name());
            for (Entity e : found) {
                if (!used.contains(e.name()) && names.stream().anyMatch(n -> same(n, e.name()))) {
                    matched.put(expected.name(), e);
                    used.add(e.name());
                    break;
                }
            }
        }
        return matched;
    }

    private static Score entityScore(
            EvaluationCase c, List<Entity> found, Map<String, Entity> matched, List<String> misses) {
        c.entities().stream()
                .filter(e -> !matched.containsKey(e.name()))
                .forEach(e -> misses.add("missing entity " + e.name()));
        found.stream().filter(e -> !matched.containsValue(e)).forEach(e -> misses.add("extra entity " + e.name()));
        return new Score(
                matched.size(), found.size() - matched.size(), c.entities().size() - matched.size());
    }

    private static int[] fieldCounts(EvaluationCase c, Map<String, Entity> matched, List<String> misses) {
        int expected = 0;
        int hit = 0;
        for (Map.Entry<String, List<String>> e : c.fields().entrySet()) {
            Entity entity = matched.get(e.getKey());
            for (String name : e.getValue()) {
                expected++;
                boolean ok = entity != null
                        && (entity.fields().stream().map(Field::name).anyMatch(n -> same(n, name))
                                || SemanticRules.IMPLICIT_FIELDS.stream().anyMatch(n -> same(n, name)));
                if (ok) {
                    hit++;
                } else {
                    misses.add("missing field " + e.getKey() + "." + name);
                }
            }
        }
        return new int[] {hit, expected};
    }

    private static Score relationScore(
            EvaluationCase c, List<Relation> found, Map<String, Entity> matched, List<String> misses) {
        Map<String, String> back = new LinkedHashMap<>();
        matched.forEach((expected, entity) -> back.put(entity.name(), expected));
        Set<String> predicted = new LinkedHashSet<>();
        found.forEach(r -> predicted.add(key(
                back.getOrDefault(r.from(), r.from()),
                back.getOrDefault(r.to(), r.to()),
                r.kind().id())));
        Set<String> gold = new LinkedHashSet<>();
        c.relations().forEach(r -> gold.add(key(r.from(), r.to(), r.kind())));
        return setScore(gold, predicted, "relation", misses);
    }

    private static Score featureScore(EvaluationCase c, Features f, List<String> misses) {
        Set<String> predicted = new LinkedHashSet<>();
        if (f.auth() != null) {
            predicted.add("auth:" + f.auth().type().id());
        }
        if (f.rateLimit() != null) {
            predicted.add("rateLimit");
        }
        if (f.audit()) {
            predicted.add("audit");
        }
        if (f.softDelete()) {
            predicted.add("softDelete");
        }
        if (f.cache()) {
            predicted.add("cache");
        }
        if (f.multiTenant()) {
            predicted.add("multiTenant");
        }
        if (f.search() != null) {
            predicted.add("search:" + f.search().type());
        }
        return setScore(new LinkedHashSet<>(c.features()), predicted, "feature", misses);
    }

    private static Score setScore(Set<String> gold, Set<String> predicted, String what, List<String> misses) {
        int tp = 0;
        for (String g : gold) {
            if (predicted.contains(g)) {
                tp++;
            } else {
                misses.add("missing " + what + " " + g);
            }
        }
        predicted.stream().filter(p -> !gold.contains(p)).forEach(p -> misses.add("extra " + what + " " + p));
        return new Score(tp, predicted.size() - tp, gold.size() - tp);
    }

    private static String key(String a, String b, String kind) {
        String x = norm(a);
        String y = norm(b);
        return (x.compareTo(y) < 0 ? x + "~" + y : y + "~" + x) + " " + kind;
    }

    private static boolean same(String a, String b) {
        return norm(a).equals(norm(b));
    }

    private static String norm(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
