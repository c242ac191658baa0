package dev.kiln.guard.pii;

import com.google.re2j.Pattern;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * US social security numbers as {@code AAA-GG-SSSS} or {@code AAA GG SSSS}, or nine bare digits right after
 * words such as "SSN": the area may not be 000, 666 or 900-999, the group not 00, the serial not 0000,
 * and numbers the SSA has voided or that are famous placeholders are refused.
 */
final class SsnDetector implements Detector {
    private static final Pattern CANDIDATE = Pattern.compile("[0-9]{3}([- ]?)[0-9]{2}[- ]?[0-9]{4}");
    private static final Set<String> VOID = Set.of("078051120", "219099999", "123456789");
    private static final int CONTEXT = 40;

    @Override
    public PiiType type() {
        return PiiType.US_SSN;
    }

    @Override
    public List<int[]> find(String text) {
        if (!Spans.hasDigit(text)) {
            return List.of();
        }
        return Spans.matching(CANDIDATE, text, (start, end) -> accept(text, start, end));
    }

    private static int accept(String text, int start, int end) {
        if (Spans.isWordChar(text, start - 1) || Spans.isWordChar(text, end) || joined(text, start, end)) {
            return -1;
        }
        String raw = text.substring(start, end);
        String digits = raw.replace("-", "").replace(" ", "");
        if (digits.length() != 9) {
            return -1;
        }
        boolean separated = raw.length() == 11;
        if (separated && raw.charAt(3) != raw.charAt(6)) {
            return -1;
        }
        if (!separated && (raw.length() != 9 || !namedBefore(text, start))) {
            return -1;
        }
        return valid(digits) ? end : -1;
    }

    private static boolean joined(String text, int start, int end) {
        boolean before = start >= 2
                && (text.charAt(start - 1) == '-' || text.charAt(start - 1) == '.')
                && Character.isDigit(text.charAt(start - 2));
        boolean after = end + 1 < text.length()
                && (text.charAt(end) == '-' || text.charAt(end) == '.')
                && Character.isDigit(text.charAt(end + 1));
        return before || after;
    }

    private static boolean namedBefore(String text, int start) {
        String before = text.substring(Math.max(0, start - CONTEXT), start).toLowerCase(Locale.ROOT);
        return before.contains("ssn") || before.contains("social security") || before.contains("ss#");
    }

    /** Whether nine digits form an SSN the SSA could have issued. */
    static boolean valid(String digits) {
        int area = Integer.parseInt(digits.substring(0, 3));
        int group = Integer.parseInt(digits.substring(3, 5));
        int serial = Integer.parseInt(digits.substring(5));
        return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0 && !VOID.contains(digits);
    }
}
