package dev.kiln.guard.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * A text with the spans that a guardrail should find, written inline as {@code [[TYPE:value]]} so a
 * labelled set stays readable; {@link #parse(String, String)} strips the markup and computes the offsets.
 * Everything not marked, look-alikes included, must not be found.
 *
 * @param id the case id
 * @param text the text without markup
 * @param spans the expected spans, by start offset
 */
public record LabelledText(String id, String text, List<LabelledSpan> spans) {
    /** Copies the spans. */
    public LabelledText {
        spans = List.copyOf(spans);
    }

    /**
     * Parses a marked-up text.
     *
     * @param id the case id
     * @param marked the text with {@code [[TYPE:value]]} marks
     * @return the labelled text
     * @throws IllegalArgumentException if a mark is not closed or has no type
     */
    public static LabelledText parse(String id, String marked) {
        StringBuilder text = new StringBuilder(marked.length());
        List<LabelledSpan> spans = new ArrayList<>();
        int i = 0;
        while (i < marked.length()) {
            int open = marked.indexOf("[[", i);
            if (open < 0) {
                text.append(marked, i, marked.length());
                break;
            }
            int colon = marked.indexOf(':', open);
            int close = marked.indexOf("]]", open);
            if (colon < 0 || close < 0 || colon > close || colon == open + 2) {
                throw new IllegalArgumentException(id + ": unclosed or untyped mark at offset " + open);
            }
            text.append(marked, i, open);
            int start = text.length();
            text.append(marked, colon + 1, close);
            spans.add(new LabelledSpan(marked.substring(open + 2, colon), start, text.length()));
            i = close + 2;
        }
        return new LabelledText(id, text.toString(), spans);
    }
}
