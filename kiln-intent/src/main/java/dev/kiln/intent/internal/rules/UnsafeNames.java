package dev.kiln.intent.internal.rules;

import dev.kiln.spec.Field;
import dev.kiln.spec.FieldType;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The last line of defence against instructions that slipped past the screen: no entity or field named
 * like a backdoor survives, and a plain password becomes a hash that is flagged as never to be exposed.
 */
final class UnsafeNames {
    private static final Pattern UNSAFE = Pattern.compile(
            "(?i).*(backdoor|bypass|jailbreak|exploit|hiddenadmin|secretadmin|hiddenendpoint|masterkey|godmode).*");
    private static final Pattern PASSWORD = Pattern.compile("(?i).*pass(word|wd|phrase).*");
    private static final String HASH = "passwordHash";
    private static final String NEVER_EXPOSED =
            "; never expose it in the API (spec format 1 has no write-only marker, so only its description says so)";

    private UnsafeNames() {}

    static void filter(EntityTable table, List<String> warnings) {
        for (DraftEntity entity : table.inOrder()) {
            if (UNSAFE.matcher(entity.name()).matches()) {
                table.remove(entity.key());
                warnings.add("dropped entity " + entity.name() + ": its name suggests a way around security");
                continue;
            }
            for (DraftEntity.DraftField f : entity.fields()) {
                String name = f.field().name();
                if (UNSAFE.matcher(name).matches()) {
                    entity.removeField(name);
                    warnings.add("dropped field " + entity.name() + "." + name
                            + ": its name suggests a way around security");
                } else if (PASSWORD.matcher(name).matches() && !name.equals(HASH)) {
                    entity.removeField(name);
                    entity.addField(
                            new DraftEntity.DraftField(hash(), f.evidence() + " (stored as a hash)", f.confidence()));
                    warnings.add(entity.name() + "." + name + " is stored as " + HASH + ", never as plain text");
                }
            }
            entity.fields().stream()
                    .filter(f -> f.field().name().equals(HASH))
                    .findFirst()
                    .ifPresent(f -> {
                        entity.replaceField(
                                new DraftEntity.DraftField(f.field(), f.evidence() + NEVER_EXPOSED, f.confidence()));
                        warnings.add(entity.name() + "." + HASH
                                + " must never be exposed in the API, but spec format 1 has no"
                                + " write-only marker; its description says so until the spec gains one (issue #4)");
                    });
        }
    }

    private static Field hash() {
        return new Field(
                HASH,
                FieldType.STRING,
                true,
                false,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                "Hash of the password. Never expose it in the API.");
    }
}
