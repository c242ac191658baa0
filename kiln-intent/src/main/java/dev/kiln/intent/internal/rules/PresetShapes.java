package dev.kiln.intent.internal.rules;

import dev.kiln.intent.internal.lexicon.Lexicon;
import dev.kiln.intent.internal.lexicon.Preset;
import dev.kiln.spec.Field;
import dev.kiln.spec.FieldType;
import dev.kiln.spec.RelationKind;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies the well-known service shapes of the lexicon: a user authentication service gets a real
 * {@code User}; a blog, shop, library or todo service gets its usual entities when the prompt names
 * none, and their usual fields for entities the prompt left without any.
 */
final class PresetShapes {
    private static final double CONFIDENCE = 0.7;

    private final Lexicon lexicon;

    PresetShapes(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** A preset whose cue the prompt matched, with the matched words. */
    record Applied(Preset preset, String cue) {}

    List<Applied> matching(String text) {
        return lexicon.presets().stream()
                .map(p -> cue(p, text).map(c -> new Applied(p, c)))
                .flatMap(Optional::stream)
                .toList();
    }

    void apply(Applied applied, EntityTable table, RelationSet relations) {
        Preset preset = applied.preset();
        boolean addEntities = preset.always() || table.isEmpty();
        String evidence = "service shape '" + preset.id() + "' ('" + applied.cue() + "')";
        for (int i = 0; i < preset.entities().size(); i++) {
            Preset.PresetEntity shape = preset.entities().get(i);
            Optional<DraftEntity> existing = table.byName(shape.name());
            if (existing.isEmpty() && addEntities) {
                existing = Optional.of(table.addNamed(shape.name(), -1000 + i, evidence, CONFIDENCE));
            }
            existing.ifPresent(e -> fill(e, shape.fields(), evidence, preset.always()));
        }
        if (addEntities) {
            for (Preset.PresetRelation r : preset.relations()) {
                if (table.byName(r.from()).isPresent() && table.byName(r.to()).isPresent()) {
                    relations.add(r.from(), r.to(), RelationKind.fromId(r.kind()), evidence, CONFIDENCE);
                }
            }
        }
    }

    /** Gives a login a user store: the auth preset's {@code User}, or its fields on an existing one. */
    void ensureUser(EntityTable table, String evidence) {
        lexicon.presets().stream()
                .filter(p -> p.id().equals("auth"))
                .findFirst()
                .ifPresent(auth -> {
                    for (Preset.PresetEntity shape : auth.entities()) {
                        DraftEntity user = table.byName(shape.name())
                                .orElseGet(() -> table.addNamed(
                                        shape.name(), Integer.MAX_VALUE, "login: '" + evidence + "'", 0.7));
                        fill(user, shape.fields(), "login: '" + evidence + "' needs a user store", true);
                    }
                });
    }

    /** Gives entities without fields their lexicon defaults ("stock" holds a quantity). */
    void defaults(EntityTable table, List<RelationSet.DraftRelation> relations) {
        for (DraftEntity entity : table.inOrder()) {
            long joins = relations.stream()
                    .filter(r -> r.from().equals(entity.name()) && r.kind() == RelationKind.MANY_TO_ONE)
                    .count();
            if (entity.fields().isEmpty() && (joins < 2 || lexicon.hasOwnDefaults(entity.key()))) {
                fill(entity, lexicon.entityDefaults(entity.key()), "no fields were named for " + entity.name(), true);
            }
        }
    }

    private static void fill(DraftEntity entity, List<Preset.PresetField> fields, String evidence, boolean merge) {
        if (!merge && !entity.fields().isEmpty()) {
            return;
        }
        for (Preset.PresetField f : fields) {
            Field field = field(f);
            boolean sameType = entity.fields().stream()
                    .anyMatch(
                            d -> d.field().name().equals(f.name()) && d.field().type() == field.type());
            if (merge && sameType) {
                entity.replaceField(new DraftEntity.DraftField(field, evidence, CONFIDENCE));
            } else {
                entity.addField(new DraftEntity.DraftField(field, evidence, CONFIDENCE));
            }
        }
    }

    static Field field(Preset.PresetField f) {
        FieldType type = FieldType.fromId(f.type());
        return new Field(
                f.name(),
                type,
                f.required(),
                f.unique(),
                f.min(),
                f.max(),
                null,
                null,
                null,
                f.defaultValue(),
                f.precision(),
                f.scale(),
                f.values(),
                f.description());
    }

    private static Optional<String> cue(Preset preset, String text) {
        for (String cue : preset.cues()) {
            Matcher m = Pattern.compile(cue, Pattern.CASE_INSENSITIVE).matcher(text);
            if (m.find()) {
                return Optional.of(m.group());
            }
        }
        return Optional.empty();
    }
}
