package dev.kiln.intent.internal.rules;

import dev.kiln.spec.naming.Names;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The accepted entities, by concept key, and the lookups that map a noun phrase onto one of them.
 */
final class EntityTable {
    private final Map<String, DraftEntity> byKey = new LinkedHashMap<>();
    private final Map<String, String> aliases = new LinkedHashMap<>();

    DraftEntity add(String key, int position, String evidence, double confidence) {
        return byKey.computeIfAbsent(key, k -> new DraftEntity(k, Names.pascal(k), position, evidence, confidence));
    }

    DraftEntity addNamed(String name, int position, String evidence, double confidence) {
        String key = String.join(" ", Names.words(name));
        return byKey.computeIfAbsent(key, k -> new DraftEntity(k, name, position, evidence, confidence));
    }

    /** Lets another noun name an entity: "opening" for {@code job opening}. */
    void alias(String key, String entityKey) {
        aliases.put(key, entityKey);
    }

    boolean contains(String key) {
        return byKey.containsKey(key) || byKey.containsKey(aliases.getOrDefault(key, key));
    }

    /**
     * Finds the entity a noun names: by its key, else by its key's last words ("bird sighting" names
     * {@code sighting}).
     */
    Optional<DraftEntity> find(Noun noun) {
        return find(noun.key());
    }

    Optional<DraftEntity> find(String key) {
        if (key.isEmpty()) {
            return Optional.empty();
        }
        DraftEntity exact = byKey.get(aliases.getOrDefault(key, key));
        if (exact != null) {
            return Optional.of(exact);
        }
        String rest = key;
        while (rest.contains(" ")) {
            rest = rest.substring(rest.indexOf(' ') + 1);
            DraftEntity suffix = byKey.get(rest);
            if (suffix != null) {
                return Optional.of(suffix);
            }
        }
        return Optional.empty();
    }

    /** Finds the entity whose concept ends with a head noun: "result" finds {@code exam result}. */
    Optional<DraftEntity> byHead(String head) {
        return find(head)
                .or(() -> byKey.values().stream()
                        .filter(e -> e.key().endsWith(" " + head))
                        .findFirst());
    }

    Optional<DraftEntity> byName(String name) {
        return byKey.values().stream().filter(e -> e.name().equals(name)).findFirst();
    }

    boolean isEmpty() {
        return byKey.isEmpty();
    }

    void remove(String key) {
        byKey.remove(key);
    }

    /** Returns the entities in the order the prompt first mentions them. */
    List<DraftEntity> inOrder() {
        List<DraftEntity> all = new ArrayList<>(byKey.values());
        all.sort(Comparator.comparingInt(DraftEntity::position));
        return all;
    }
}
