package dev.kiln.guard.redact;

import dev.kiln.guard.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Replaces the spans of findings in a text. Overlapping spans are merged first, the merged span taking the
 * type of its earliest, then longest, finding; so every character is replaced at most once.
 *
 * <p>Use {@link #mask()} when the value must never come back; use {@link #placeholders(Vault)} when the
 * model's answer should get the real values back (see {@link Vault#restore(String)}).
 */
public interface Redactor {
    /**
     * The text that replaces one span.
     *
     * @param type the finding's type
     * @param value the original text of the span
     * @return its replacement
     */
    String replacement(String type, String value);

    /**
     * Replaces every finding's span in a text.
     *
     * @param text the text
     * @param findings the findings to replace; offsets into {@code text}
     * @return the redacted text
     */
    default String redact(String text, List<Finding> findings) {
        StringBuilder out = new StringBuilder(text.length());
        int position = 0;
        for (Finding span : merge(findings)) {
            out.append(text, position, span.start());
            out.append(replacement(span.type(), span.valueIn(text)));
            position = span.end();
        }
        return out.append(text, position, text.length()).toString();
    }

    /**
     * A redactor that replaces each character of a span with {@code *}, keeping the text's length.
     *
     * @return the mask redactor
     */
    static Redactor mask() {
        return (type, value) -> "*".repeat(value.length());
    }

    /**
     * A redactor that replaces a span with a typed, numbered placeholder kept in a vault.
     *
     * @param vault where placeholders and their values are kept
     * @return the placeholder redactor
     */
    static Redactor placeholders(Vault vault) {
        return vault::placeholderFor;
    }

    /**
     * Sorts findings and merges the overlapping ones.
     *
     * @param findings the findings, in any order
     * @return disjoint spans by start offset
     */
    static List<Finding> merge(List<Finding> findings) {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparingInt(Finding::start)
                .thenComparing(Comparator.comparingInt(Finding::end).reversed()));
        List<Finding> merged = new ArrayList<>();
        for (Finding f : sorted) {
            if (f.start() == f.end()) {
                continue;
            }
            Finding last = merged.isEmpty() ? null : merged.getLast();
            if (last != null && f.start() < last.end()) {
                if (f.end() > last.end()) {
                    merged.set(
                            merged.size() - 1,
                            new Finding(last.category(), last.type(), last.start(), f.end(), last.score()));
                }
            } else {
                merged.add(f);
            }
        }
        return merged;
    }
}
