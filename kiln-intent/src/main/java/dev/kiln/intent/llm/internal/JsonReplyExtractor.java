package dev.kiln.intent.llm.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the JSON object in a chat model's reply: models wrap it in prose, Markdown code fences or reasoning
 * blocks even when asked not to, and JSON mode is not supported by every server.
 *
 * <p>The object is located by matching braces outside strings, so braces inside string values do not confuse
 * it. The text is not parsed here: a malformed object is returned as found, for the spec reader to report
 * with line and column.
 */
public final class JsonReplyExtractor {
    /** The longest reply examined, in characters; the spec reader accepts no more than this either. */
    public static final int MAX_REPLY_CHARS = 1 << 20;

    private static final Pattern THINKING = Pattern.compile("(?is)<think(?:ing)?>.*?</think(?:ing)?>");
    private static final Pattern FENCE = Pattern.compile("(?s)```[A-Za-z0-9_-]*[ \\t]*\\R?(.*?)```");

    /**
     * Extracts the JSON object.
     *
     * @param reply the model's reply text
     * @return the object, or why there is none
     */
    public Extraction extract(String reply) {
        if (reply.length() > MAX_REPLY_CHARS) {
            return new Extraction.Missing("the reply is " + reply.length() + " characters long; a spec is at most "
                    + MAX_REPLY_CHARS + " characters");
        }
        String text = fencedBody(THINKING.matcher(reply.replace("\uFEFF", "")).replaceAll(""))
                .strip();
        if (text.isEmpty()) {
            return new Extraction.Missing("the reply is empty");
        }
        char first = text.charAt(0);
        if (first == '[') {
            return new Extraction.Missing("the reply is a JSON array; the spec must be one JSON object");
        }
        if (first == '"') {
            return new Extraction.Missing("the reply is a JSON string; the spec must be one JSON object, not quoted");
        }
        int start = text.indexOf('{');
        if (start < 0) {
            return new Extraction.Missing("the reply contains no JSON object");
        }
        int end = matchingBrace(text, start);
        if (end < 0) {
            return new Extraction.Missing(
                    "the JSON object in the reply is never closed; the reply may have been cut off");
        }
        return new Extraction.Found(text.substring(start, end + 1));
    }

    /** Returns the first fenced block that holds an object, else the first fenced block, else the whole text. */
    private static String fencedBody(String reply) {
        Matcher fence = FENCE.matcher(reply);
        String firstBody = null;
        while (fence.find()) {
            String body = fence.group(1).strip();
            if (body.startsWith("{")) {
                return body;
            }
            firstBody = firstBody == null ? body : firstBody;
        }
        return firstBody == null ? reply : firstBody;
    }

    /** Returns the index of the brace closing the one at {@code start}, or -1; braces in strings are skipped. */
    private static int matchingBrace(String text, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
