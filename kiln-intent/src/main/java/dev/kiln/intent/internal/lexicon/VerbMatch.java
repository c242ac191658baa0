package dev.kiln.intent.internal.lexicon;

import java.util.Set;

/**
 * A verb phrase of the lexicon found in a sentence.
 *
 * @param phrase the phrase as the lexicon writes it, for example {@code belong to}
 * @param kinds every kind the lexicon lists the phrase under
 * @param start index of its first token
 * @param end index after its last token
 */
public record VerbMatch(String phrase, Set<VerbKind> kinds, int start, int end) {
    /** Copies the kinds. */
    public VerbMatch {
        kinds = Set.copyOf(kinds);
    }

    /**
     * Returns whether the lexicon lists the phrase under a kind.
     *
     * @param kind the kind
     * @return true if it does
     */
    public boolean is(VerbKind kind) {
        return kinds.contains(kind);
    }
}
