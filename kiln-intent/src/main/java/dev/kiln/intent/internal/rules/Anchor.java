package dev.kiln.intent.internal.rules;

import dev.kiln.intent.internal.lexicon.VerbKind;
import java.util.Set;

/**
 * A verb group (or a colon, or "with") that joins a subject to what follows it.
 *
 * @param start index of its first token
 * @param end index after its last token
 * @param phrase the lexicon phrase, for example {@code belong to}, or the verb's lemma
 * @param kinds what the phrase can mean
 */
record Anchor(int start, int end, String phrase, Set<VerbKind> kinds) {
    /** Copies the kinds. */
    Anchor {
        kinds = Set.copyOf(kinds);
    }

    boolean is(VerbKind kind) {
        return kinds.contains(kind);
    }

    /** Returns whether the anchor is the preposition "with", whose subject is the noun right before it. */
    boolean isWith() {
        return phrase.equals("with");
    }
}
