package dev.kiln.intent.internal.rules;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A noun phrase read as a possible entity.
 *
 * @param key the concept: lower-case singular words, synonyms resolved, for example {@code order item}
 * @param head the last word of the key
 * @param plural whether the phrase was plural
 * @param quantifier {@code many}, {@code one}, or the determiner the phrase began with
 * @param pps the prepositional phrases that followed the noun
 * @param phrase the phrase it was read from
 */
record Noun(
        String key, String head, boolean plural, @Nullable String quantifier, List<Pp> pps, Phrase phrase) {
    /** Copies the list. */
    Noun {
        pps = List.copyOf(pps);
    }

    boolean isEmpty() {
        return key.isEmpty();
    }

    boolean many() {
        return "many".equals(quantifier);
    }

    /**
     * A prepositional phrase after a noun: "for rooms" in "reservations for rooms".
     *
     * @param preposition the preposition, lower case
     * @param object the noun phrase after it
     */
    record Pp(String preposition, Phrase object) {}
}
