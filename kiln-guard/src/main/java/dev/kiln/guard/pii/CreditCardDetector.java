package dev.kiln.guard.pii;

import com.google.re2j.Pattern;
import java.util.List;

/**
 * Payment card numbers: 12 to 19 digits, optionally grouped by single spaces or dashes (one kind), in a
 * known issuer range for their length, with a valid Luhn check digit.
 */
final class CreditCardDetector implements Detector {
    private static final Pattern CANDIDATE = Pattern.compile("\\d(?:[ \\-]?\\d){11,18}");

    @Override
    public PiiType type() {
        return PiiType.CREDIT_CARD;
    }

    @Override
    public List<int[]> find(String text) {
        if (!Spans.hasDigit(text)) {
            return List.of();
        }
        return Spans.matching(CANDIDATE, text, (start, end) -> accept(text, start, end));
    }

    private static int accept(String text, int start, int end) {
        if (Spans.isWordChar(text, start - 1)) {
            return -1;
        }
        if (start > 0 && (text.charAt(start - 1) == '-' || text.charAt(start - 1) == '.')) {
            return -1;
        }
        // The pattern is greedy; a card followed by another group of digits ("... 1111 2024") is found by
        // trying the shorter ends at separators, longest first.
        for (int e = end; e > start; e--) {
            boolean endsCleanly = e == end ? !Spans.isWordChar(text, e) : isSeparator(text.charAt(e));
            if (endsCleanly && valid(text.substring(start, e))) {
                return e;
            }
        }
        return -1;
    }

    private static boolean valid(String raw) {
        if (raw.indexOf(' ') >= 0 && raw.indexOf('-') >= 0) {
            return false;
        }
        String digits = raw.replace(" ", "").replace("-", "");
        return digits.length() >= 12
                && digits.length() <= 19
                && Checksums.luhn(digits)
                && issuerAccepts(digits)
                && !oneDigitRepeated(digits);
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-';
    }

    /** Whether a number's prefix belongs to a card scheme that issues numbers of its length. */
    static boolean issuerAccepts(String digits) {
        int n = digits.length();
        int p2 = Integer.parseInt(digits.substring(0, 2));
        int p3 = Integer.parseInt(digits.substring(0, 3));
        int p4 = Integer.parseInt(digits.substring(0, 4));
        if (digits.charAt(0) == '4') {
            return n == 13 || n == 16 || n == 19;
        }
        if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) {
            return n == 16;
        }
        if (p2 == 34 || p2 == 37) {
            return n == 15;
        }
        if (p4 >= 2200 && p4 <= 2204) {
            return n >= 16 && n <= 19;
        }
        if ((p3 >= 300 && p3 <= 305) || p2 == 36 || p2 == 38 || p2 == 39) {
            return n >= 14 && n <= 19;
        }
        if (p4 >= 3528 && p4 <= 3589) {
            return n >= 16 && n <= 19;
        }
        if (p4 == 2131 || p4 == 1800) {
            return n == 15;
        }
        if (p4 == 6011 || p2 == 65 || (p3 >= 644 && p3 <= 649) || p2 == 62) {
            return n >= 16 && n <= 19;
        }
        boolean maestro = p2 == 50 || (p2 >= 56 && p2 <= 69);
        return maestro && n >= 12 && n <= 19;
    }

    private static boolean oneDigitRepeated(String digits) {
        return digits.chars().distinct().count() == 1;
    }
}
