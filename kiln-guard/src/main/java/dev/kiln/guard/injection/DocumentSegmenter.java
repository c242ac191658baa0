package dev.kiln.guard.injection;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a document (a retrieved page, an e-mail, a tool's output) into the pieces an {@link
 * IndirectInjectionGuardrail} scores one by one: lines, then sentences within a line, then at most {@value
 * #MAX_CHARS} characters each. Pieces without a letter are dropped. Linear in the length of the document.
 */
public final class DocumentSegmenter {
    /** The longest piece, in characters. */
    public static final int MAX_CHARS = 300;

    /**
     * One piece of a document.
     *
     * @param start the offset of its first character in the document
     * @param end the offset after its last character
     * @param text the piece, stripped
     */
    public record Segment(int start, int end, String text) {}

    private DocumentSegmenter() {}

    /**
     * Cuts a document.
     *
     * @param document the document
     * @return its pieces, in order
     */
    public static List<Segment> segments(String document) {
        List<Segment> out = new ArrayList<>();
        int lineStart = 0;
        for (int i = 0; i <= document.length(); i++) {
            if (i == document.length() || document.charAt(i) == '\n') {
                sentences(document, lineStart, i, out);
                lineStart = i + 1;
            }
        }
        return out;
    }

    private static void sentences(String document, int from, int to, List<Segment> out) {
        int start = from;
        for (int i = from; i < to; i++) {
            char c = document.charAt(i);
            boolean boundary = (c == '.' || c == '!' || c == '?')
                    && i + 2 < to
                    && Character.isWhitespace(document.charAt(i + 1))
                    && Character.isUpperCase(document.charAt(i + 2));
            if (boundary || i + 1 - start >= MAX_CHARS) {
                add(document, start, i + 1, out);
                start = i + 1;
            }
        }
        add(document, start, to, out);
    }

    private static void add(String document, int from, int to, List<Segment> out) {
        int s = from;
        int e = to;
        while (s < e && Character.isWhitespace(document.charAt(s))) {
            s++;
        }
        while (e > s && Character.isWhitespace(document.charAt(e - 1))) {
            e--;
        }
        for (int i = s; i < e; i++) {
            if (Character.isLetter(document.charAt(i))) {
                out.add(new Segment(s, e, document.substring(s, e)));
                return;
            }
        }
    }
}
