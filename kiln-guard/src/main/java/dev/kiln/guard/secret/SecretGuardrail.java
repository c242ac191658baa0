package dev.kiln.guard.secret;

import com.google.re2j.Matcher;
import dev.kiln.guard.Category;
import dev.kiln.guard.Finding;
import dev.kiln.guard.Guardrail;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Finds credentials and reports each as a {@link Category#SECRET} finding, typed by its kind
 * ({@code AWS_ACCESS_KEY}, {@code GITHUB_TOKEN}, {@code PRIVATE_KEY}, {@code JWT}, {@code GENERIC_SECRET}
 * ...). For an assignment such as {@code api_key = "..."} only the value is reported, so redaction keeps
 * the name. Every pattern is RE2/J, linear in the input.
 */
public final class SecretGuardrail implements Guardrail {
    private static final int RESCAN_LIMIT = 80;

    @Override
    public String name() {
        return "secrets";
    }

    @Override
    public List<Finding> inspect(String text) {
        TreeMap<Integer, Finding> byStart = new TreeMap<>();
        for (SecretRule rule : SecretRules.ALL) {
            if (!rule.hint().isEmpty() && !text.contains(rule.hint())) {
                continue;
            }
            Matcher m = rule.pattern().matcher(text);
            int from = 0;
            while (from <= text.length() && m.find(from)) {
                boolean accepted =
                        standsAlone(text, m.start(), m.end()) && rule.check().test(m);
                if (accepted) {
                    add(
                            byStart,
                            Finding.certain(Category.SECRET, rule.type(), m.start(rule.group()), m.end(rule.group())));
                    from = m.end();
                } else {
                    from = m.end() - m.start() <= RESCAN_LIMIT ? m.start() + 1 : m.end();
                }
            }
        }
        return List.copyOf(byStart.values());
    }

    private static void add(NavigableMap<Integer, Finding> byStart, Finding f) {
        Map.Entry<Integer, Finding> before = byStart.floorEntry(f.start());
        Map.Entry<Integer, Finding> after = byStart.ceilingEntry(f.start());
        if ((before == null || !before.getValue().overlaps(f))
                && (after == null || !after.getValue().overlaps(f))) {
            byStart.put(f.start(), f);
        }
    }

    /** A token must not be glued to more token characters on either side. */
    private static boolean standsAlone(String text, int start, int end) {
        boolean gluedBefore = tokenChar(text, start - 1) && tokenChar(text, start);
        boolean gluedAfter = tokenChar(text, end) && tokenChar(text, end - 1);
        return !gluedBefore && !gluedAfter;
    }

    private static boolean tokenChar(String text, int i) {
        if (i < 0 || i >= text.length()) {
            return false;
        }
        char c = text.charAt(i);
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }
}
