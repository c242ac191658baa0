package dev.kiln.codegen.verify;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One CRUD resource the smoke test exercises: how to create it, how to break it and how to patch it.
 *
 * @param entity the entity name, e.g. {@code Post}; references name their target by it
 * @param path the URL segment under {@code /api}, e.g. {@code posts}
 * @param payload a valid create/update body, without the relation ids in {@code references}
 * @param invalidPayload fields merged over a valid body to make it fail validation; empty to skip that check
 * @param patch a JSON merge patch body; empty to skip the PATCH check
 * @param references the relation ids the create body needs, filled from entities created earlier
 */
public record SmokeTarget(
        String entity,
        String path,
        Map<String, Object> payload,
        Map<String, Object> invalidPayload,
        Map<String, Object> patch,
        List<Reference> references) {

    /** Copies the collections, keeping the property order, so the target cannot change after it is made. */
    public SmokeTarget {
        payload = frozen(payload);
        invalidPayload = frozen(invalidPayload);
        patch = frozen(patch);
        references = List.copyOf(references);
    }

    private static Map<String, Object> frozen(Map<String, Object> body) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(body));
    }

    /**
     * A relation id the create payload needs.
     *
     * <p>{@code required=false} references may be left out when their target cannot be created first (cycles,
     * self references).
     *
     * @param property the body property, e.g. {@code authorId} (one id) or {@code tagIds} (many)
     * @param targetEntity the {@link SmokeTarget#entity()} whose created id fills the property
     * @param many whether the property is a JSON array of ids rather than one id
     * @param required whether the entity cannot be created without it
     */
    public record Reference(String property, String targetEntity, boolean many, boolean required) {}
}
