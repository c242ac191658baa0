package dev.kiln.intent.internal.rules;

import dev.kiln.spec.RateLimitFeature;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the numbers of a rate limit: "50 requests per minute per API key", "30 req/min per user".
 */
final class RateLimitReader {
    /** Requests assumed when a prompt asks for rate limiting without numbers. */
    static final int DEFAULT_REQUESTS = 100;

    private static final Pattern LIMIT = Pattern.compile(
            "\\b(\\d[\\d,_]*)\\s*(?:(?:requests?|reqs?|calls?|hits?|attempts?|queries|query|times)\\b)?\\s*"
                    + "(?:(?:per|a|an|every|each)\\s+|/\\s*)(seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d)\\b");
    private static final Pattern KEY =
            Pattern.compile("\\bper\\s+(ip(?: address)?|user|account|client|api[- ]?key|key|token|caller|customer)\\b");
    private static final Map<String, String> WINDOWS = Map.of("s", "second", "m", "minute", "h", "hour", "d", "day");

    /** What was read, with the words it came from. */
    record Reading(RateLimitFeature limit, String evidence, boolean assumed) {}

    Reading read(String text, String cue) {
        Matcher m = LIMIT.matcher(text);
        if (!m.find()) {
            return new Reading(new RateLimitFeature(DEFAULT_REQUESTS, "minute", null), cue, true);
        }
        int requests = parse(m.group(1));
        String per = window(m.group(2));
        Matcher k = KEY.matcher(text);
        String key = null;
        String evidence = m.group();
        if (k.find(m.end()) && k.start() - m.end() < 40) {
            key = key(k.group(1));
            evidence = text.substring(m.start(), k.end());
        }
        return new Reading(new RateLimitFeature(requests, per, key), evidence, false);
    }

    private static int parse(String digits) {
        String plain = digits.replace(",", "").replace("_", "");
        long value = plain.length() > 10 ? Long.MAX_VALUE : Long.parseLong(plain);
        return (int) Math.max(1, Math.min(1_000_000_000L, value));
    }

    private static String window(String unit) {
        String first = unit.substring(0, 1);
        return Optional.ofNullable(WINDOWS.get(first)).orElse("minute");
    }

    private static String key(String word) {
        return switch (word) {
            case "ip", "ip address" -> "ip";
            case "user", "account", "customer" -> "user";
            case "client", "caller" -> "client";
            default -> "apiKey";
        };
    }
}
