package dev.kiln.guard.pii;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * IPv4 addresses in dotted-quad form (each part 0-255, no leading zeros, not part of a longer dotted
 * number such as a version string) and IPv6 addresses in any RFC 4291 text form, with an optional
 * embedded IPv4 part.
 */
final class IpAddressDetector implements Detector {
    private static final Pattern V4 = Pattern.compile("[0-9]{1,3}(?:\\.[0-9]{1,3}){3}");
    private static final Pattern V6 = Pattern.compile("[0-9A-Fa-f:]*:[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*");
    private static final int V6_MAX = 45;

    @Override
    public PiiType type() {
        return PiiType.IP_ADDRESS;
    }

    @Override
    public List<int[]> find(String text) {
        List<int[]> spans = new ArrayList<>();
        if (text.indexOf('.') >= 0 && Spans.hasDigit(text)) {
            spans.addAll(Spans.matching(V4, text, (start, end) -> acceptV4(text, start, end)));
        }
        if (text.indexOf(':') >= 0) {
            List<int[]> v6 = Spans.matching(V6, text, (start, end) -> acceptV6(text, start, end));
            spans.removeIf(s -> v6.stream().anyMatch(o -> s[0] < o[1] && o[0] < s[1]));
            spans.addAll(v6);
        }
        spans.sort(Comparator.comparingInt(s -> s[0]));
        return spans;
    }

    private static int acceptV4(String text, int start, int end) {
        if (Spans.isWordChar(text, start - 1) || Spans.isWordChar(text, end)) {
            return -1;
        }
        boolean dottedBefore = start >= 2 && text.charAt(start - 1) == '.' && Character.isDigit(text.charAt(start - 2));
        boolean dottedAfter =
                end + 1 < text.length() && text.charAt(end) == '.' && Character.isDigit(text.charAt(end + 1));
        return !dottedBefore && !dottedAfter && isV4(text.substring(start, end)) ? end : -1;
    }

    private static int acceptV6(String text, int start, int end) {
        int e = end;
        while (e > start
                && (text.charAt(e - 1) == '.' || (text.charAt(e - 1) == ':' && !text.startsWith("::", e - 2)))) {
            e--;
        }
        if (e - start > V6_MAX || Spans.isWordChar(text, start - 1) || Spans.isWordChar(text, e)) {
            return -1;
        }
        if (start > 0 && text.charAt(start - 1) == ':') {
            return -1;
        }
        return isV6(text.substring(start, e)) ? e : -1;
    }

    static boolean isV4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty()
                    || p.length() > 3
                    || (p.length() > 1 && p.charAt(0) == '0')
                    || !p.chars().allMatch(Character::isDigit)) {
                return false;
            }
            if (Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    static boolean isV6(String s) {
        String body = s;
        int groupsNeeded = 8;
        int lastColon = body.lastIndexOf(':');
        if (body.indexOf('.') >= 0) {
            if (!isV4(body.substring(lastColon + 1))) {
                return false;
            }
            body = body.substring(0, lastColon + 1) + "0";
            groupsNeeded = 7;
        }
        int compressed = body.indexOf("::");
        if (compressed >= 0 && body.indexOf("::", compressed + 1) >= 0) {
            return false;
        }
        if (compressed < 0) {
            return groups(body) == groupsNeeded;
        }
        String head = body.substring(0, compressed);
        String tail = body.substring(compressed + 2);
        int h = head.isEmpty() ? 0 : groups(head);
        int t = tail.isEmpty() ? 0 : groups(tail);
        boolean anyHex = h + t > 0;
        return h >= 0 && t >= 0 && anyHex && h + t < groupsNeeded;
    }

    /** The number of 1-4 digit hex groups separated by single colons, or -1 if malformed. */
    private static int groups(String s) {
        String[] parts = s.split(":", -1);
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 4 || !p.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return -1;
            }
        }
        return parts.length;
    }
}
