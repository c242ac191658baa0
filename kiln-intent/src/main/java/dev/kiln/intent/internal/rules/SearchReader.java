package dev.kiln.intent.internal.rules;

import dev.kiln.intent.internal.nlp.Inflections;
import dev.kiln.spec.Field;
import dev.kiln.spec.FieldType;
import dev.kiln.spec.SearchFeature;
import dev.kiln.spec.naming.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads which fields a search covers: "full-text search on recipe titles and instructions" gives
 * {@code Recipe.title} and {@code Recipe.instructions}.
 *
 * <p>A searched field the prompt names but no entity has yet ("semantic search over property
 * descriptions") is added as a text field of that entity, with an explanation.
 */
final class SearchReader {
    private SearchReader() {}

    private static final Pattern TARGET =
            Pattern.compile("\\b(?:on|over|by|across|through|for|of|in|within)\\s+([^.;:!?]+)");
    private static final Pattern SEPARATOR = Pattern.compile("\\s*(?:,|\\band\\b|\\bor\\b|&|/)\\s*");
    private static final List<String> DROPPED = List.of("the", "a", "an", "its", "their", "all", "every", "each");

    static SearchFeature read(String type, String textAfterCue, EntityTable table) {
        Matcher m = TARGET.matcher(textAfterCue);
        List<String> refs = new ArrayList<>();
        if (m.find() && m.start() < 40) {
            Optional<DraftEntity> current = mentioned(textAfterCue.substring(0, m.start()), table);
            for (String piece :
                    SEPARATOR.split(m.group(1).replaceAll("[^a-z0-9 ,&/-]", " ").strip())) {
                current = piece(piece, current, table, refs);
            }
        }
        return new SearchFeature(type, refs.stream().distinct().toList());
    }

    /** "similar products (semantic search over descriptions)": an entity named between cue and target. */
    private static Optional<DraftEntity> mentioned(String between, EntityTable table) {
        for (String word : between.split("[^a-z0-9-]+")) {
            Optional<DraftEntity> entity =
                    word.isEmpty() ? Optional.empty() : table.find(Inflections.singular(word, word));
            if (entity.isPresent()) {
                return entity;
            }
        }
        return Optional.empty();
    }

    private static Optional<DraftEntity> piece(
            String piece, Optional<DraftEntity> previous, EntityTable table, List<String> refs) {
        List<String> words = new ArrayList<>(List.of(piece.strip().split("\\s+")));
        words.removeIf(w -> w.isEmpty() || DROPPED.contains(w));
        Optional<DraftEntity> entity = Optional.empty();
        for (int i = 0; i < words.size() && entity.isEmpty(); i++) {
            entity = table.find(Inflections.singular(words.get(i), words.get(i)));
            if (entity.isPresent()) {
                words.remove(i);
            }
        }
        if (words.isEmpty() || words.size() > 3) {
            return entity.or(() -> previous);
        }
        Optional<DraftEntity> owner = entity.or(() -> previous).or(() -> owning(words, table));
        owner.ifPresent(e -> field(e, words).ifPresent(f -> refs.add(e.name() + "." + f)));
        return owner;
    }

    private static Optional<DraftEntity> owning(List<String> words, EntityTable table) {
        return table.inOrder().stream()
                .filter(e -> existing(e, words).isPresent())
                .findFirst();
    }

    private static Optional<String> field(DraftEntity entity, List<String> words) {
        Optional<Field> found = existing(entity, words);
        if (found.isPresent()) {
            return found.get().type().isText() ? Optional.of(found.get().name()) : Optional.empty();
        }
        List<String> singular = new ArrayList<>(words);
        singular.set(singular.size() - 1, Inflections.singular(words.getLast(), words.getLast()));
        String name = Names.camel(String.join(" ", singular));
        if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
            return Optional.empty();
        }
        entity.addField(new DraftEntity.DraftField(
                Field.of(name, FieldType.TEXT), "searched: " + String.join(" ", words) + " (search implies it)", 0.6));
        return Optional.of(name);
    }

    private static Optional<Field> existing(DraftEntity entity, List<String> words) {
        String plain = Names.camel(String.join(" ", words));
        List<String> singular = new ArrayList<>(words);
        singular.set(singular.size() - 1, Inflections.singular(words.getLast(), words.getLast()));
        String single = Names.camel(String.join(" ", singular));
        return entity.fields().stream()
                .map(DraftEntity.DraftField::field)
                .filter(f -> f.name().equals(plain)
                        || f.name().equals(single)
                        || f.name().equals(Names.plural(single)))
                .findFirst();
    }
}
