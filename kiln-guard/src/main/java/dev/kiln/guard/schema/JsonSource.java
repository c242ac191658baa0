package dev.kiln.guard.schema;

/**
 * Where the JSON is in a model's answer: the whole answer without surrounding whitespace when it starts like
 * JSON, else the first Markdown code fence whose info string is {@code json} or empty, else the whole answer
 * (which then fails to parse). Found by plain scanning, in time linear in the answer.
 *
 * @param json the text to parse
 * @param offset where it starts in the answer
 * @param fenced whether it came from a code fence
 */
record JsonSource(String json, int offset, boolean fenced) {
    private static final String FENCE = "```";

    static JsonSource locate(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (start < end && !text.startsWith(FENCE, start)) {
            char first = text.charAt(start);
            if (first == '{' || first == '[' || first == '"' || first == '-' || Character.isDigit(first)) {
                return new JsonSource(text.substring(start, end), start, false);
            }
        }
        JsonSource fenced = fence(text);
        return fenced != null ? fenced : new JsonSource(text.substring(start, end), start, false);
    }

    private static @org.jspecify.annotations.Nullable JsonSource fence(String text) {
        int from = 0;
        while (true) {
            int open = text.indexOf(FENCE, from);
            if (open < 0) {
                return null;
            }
            int lineEnd = text.indexOf('\n', open);
            if (lineEnd < 0) {
                return null;
            }
            String info = text.substring(open + FENCE.length(), lineEnd).strip();
            int close = text.indexOf(FENCE, lineEnd + 1);
            if (close < 0) {
                return null;
            }
            if (info.isEmpty() || info.equalsIgnoreCase("json")) {
                return new JsonSource(text.substring(lineEnd + 1, close), lineEnd + 1, true);
            }
            from = close + FENCE.length();
        }
    }
}
