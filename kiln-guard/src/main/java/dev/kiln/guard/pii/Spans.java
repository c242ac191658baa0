package dev.kiln.guard.pii;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntBinaryOperator;

/** Runs an RE2/J pattern (linear time, no backtracking) and keeps the candidates a check accepts. */
final class Spans {
    private static final int RESCAN_LIMIT = 80;

    private Spans() {}

    /**
     * Finds the candidates of a pattern and keeps those the check accepts.
     *
     * @param pattern the candidate pattern
     * @param text the text
     * @param check gets start and end, returns the accepted end (possibly shorter) or -1 to reject
     * @return the accepted spans
     */
    static List<int[]> matching(Pattern pattern, String text, IntBinaryOperator check) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        int from = 0;
        while (from <= text.length() && m.find(from)) {
            int end = check.applyAsInt(m.start(), m.end());
            if (end > m.start()) {
                spans.add(new int[] {m.start(), end});
                from = end;
            } else {
                // A rejected short candidate may hide a valid one that starts inside it; a long one is
                // skipped whole, which keeps adversarial runs (a megabyte of "a:a:a...") linear.
                from = m.end() - m.start() <= RESCAN_LIMIT ? m.start() + 1 : m.end();
            }
        }
        return spans;
    }

    static boolean isWordChar(String text, int index) {
        if (index < 0 || index >= text.length()) {
            return false;
        }
        char c = text.charAt(index);
        return Character.isLetterOrDigit(c) || c == '_';
    }

    static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }
}
