package dev.kiln.guard.secret;

import com.google.re2j.Pattern;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Tells random-looking credentials from ordinary values: Shannon entropy per character, character
 * classes, and the shapes that look random but are not secrets (hex digests, UUIDs, placeholders).
 */
final class Entropy {
    private static final Pattern HEX_DIGEST =
            Pattern.compile("(?i)(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{56}|[0-9a-f]{64}|[0-9a-f]{96}|[0-9a-f]{128})");
    private static final Pattern UUID =
            Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "(?i)(?:x{4,}|\\*{3,}|\\.{3}|<[^>]*>|\\$\\{|\\{\\{|%\\(|your|example|changeme|placeholder|redacted|dummy|sample|replace|insert|todo|secret_here|here$)");

    private Entropy() {}

    /** Bits of Shannon entropy per character of a string's character distribution. */
    static double bitsPerChar(String s) {
        Map<Integer, Integer> counts = new HashMap<>();
        s.codePoints().forEach(c -> counts.merge(c, 1, Integer::sum));
        double n = s.codePointCount(0, s.length());
        double bits = 0;
        for (int count : counts.values()) {
            double p = count / n;
            bits -= p * Math.log(p) / Math.log(2);
        }
        return bits;
    }

    /** Whether a value assigned to a key-like name is random enough to be a credential. */
    static boolean looksLikeSecret(String value) {
        if (value.length() < 12 || value.length() > 512) {
            return false;
        }
        if (HEX_DIGEST.matches(value)
                || UUID.matches(value)
                || PLACEHOLDER.matcher(value).find()) {
            return false;
        }
        int classes = 0;
        classes += value.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        classes += value.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        classes += value.chars().anyMatch(Character::isDigit) ? 1 : 0;
        classes += value.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
        boolean words =
                value.toLowerCase(Locale.ROOT).equals(value) && value.chars().noneMatch(Character::isDigit);
        return classes >= 2 && !words && bitsPerChar(value) >= 3.0;
    }
}
