package dev.kiln.guard.pii;

import java.util.List;

/** Finds the spans of one {@link PiiType} in a text; implementations are stateless and thread-safe. */
interface Detector {
    /**
     * The type this detector finds.
     *
     * @return the type
     */
    PiiType type();

    /**
     * Finds the validated spans.
     *
     * @param text the text
     * @return {@code [start, end)} pairs, by start
     */
    List<int[]> find(String text);
}
