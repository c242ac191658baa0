package dev.kiln.guard.pii;

import com.google.re2j.Pattern;
import java.util.List;

/** E-mail addresses: a dot-atom local part, a domain of valid labels and an alphabetic top-level domain. */
final class EmailDetector implements Detector {
    private static final Pattern CANDIDATE = Pattern.compile(
            "[A-Za-z0-9._%+\\-]{1,64}@" + "(?:[A-Za-z0-9](?:[A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?\\.){1,8}[A-Za-z]{2,24}");

    @Override
    public PiiType type() {
        return PiiType.EMAIL;
    }

    @Override
    public List<int[]> find(String text) {
        if (text.indexOf('@') < 0) {
            return List.of();
        }
        return Spans.matching(CANDIDATE, text, (start, end) -> accept(text, start, end));
    }

    private static int accept(String text, int start, int end) {
        int s = start;
        while (s < end && text.charAt(s) == '.') {
            s++;
        }
        int at = text.indexOf('@', s);
        if (s != start || Spans.isWordChar(text, start - 1) || Spans.isWordChar(text, end)) {
            return -1;
        }
        String local = text.substring(start, at);
        if (local.endsWith(".") || local.contains("..")) {
            return -1;
        }
        return end;
    }
}
