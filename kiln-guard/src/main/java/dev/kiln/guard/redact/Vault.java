package dev.kiln.guard.redact;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Remembers which placeholder stands for which value, for one conversation, so that redacted values can
 * be put back into the model's answer.
 *
 * <p>The same value always gets the same placeholder ({@code <EMAIL_1>}, {@code <EMAIL_2>}, {@code
 * <PHONE_1>} ...), so the model can still tell two people apart. A vault holds the real values in memory:
 * keep it no longer than the conversation and never log it. Thread-safe.
 */
public final class Vault {
    private static final Pattern PLACEHOLDER = Pattern.compile("<([A-Z][A-Z0-9_]{0,40})_([0-9]{1,9})>");

    private final Map<String, String> placeholderByKey = new HashMap<>();
    private final Map<String, String> valueByPlaceholder = new HashMap<>();
    private final Map<String, Integer> countByType = new HashMap<>();

    /**
     * The placeholder for a value, creating it on first use.
     *
     * @param type the value's type, such as {@code EMAIL}
     * @param value the value
     * @return its placeholder, such as {@code <EMAIL_1>}
     */
    public synchronized String placeholderFor(String type, String value) {
        String key = type + '\u0000' + value;
        String existing = placeholderByKey.get(key);
        if (existing != null) {
            return existing;
        }
        int number = countByType.merge(type, 1, Integer::sum);
        String placeholder = "<" + type + "_" + number + ">";
        placeholderByKey.put(key, placeholder);
        valueByPlaceholder.put(placeholder, value);
        return placeholder;
    }

    /**
     * Puts the original values back in place of this vault's placeholders; unknown placeholders stay.
     *
     * @param text a text, typically the model's answer to a redacted prompt
     * @return the text with known placeholders replaced by their values
     */
    public synchronized String restore(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String value = valueByPlaceholder.get(m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * How many distinct values this vault holds.
     *
     * @return the number of placeholders handed out
     */
    public synchronized int size() {
        return valueByPlaceholder.size();
    }
}
