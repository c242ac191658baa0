package dev.kiln.guard.schema;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds where values sit in a JSON text: one streaming pass that keeps the JSON pointer of the current value
 * and records the character span of each value whose pointer was asked for. Linear in the text; builds a
 * pointer string only when its length matches one asked for.
 */
final class JsonLocator {
    private static final JsonMapper JSON = JsonMapper.shared();

    private JsonLocator() {}

    /**
     * The spans of the values at some pointers.
     *
     * @param json a JSON text that parses
     * @param pointers RFC 6901 pointers, {@code ""} for the whole document
     * @return {@code [start, end)} character offsets into {@code json} per pointer found
     */
    static Map<String, int[]> spans(String json, List<String> pointers) {
        Set<String> wanted = new HashSet<>(pointers);
        Set<Integer> lengths = new HashSet<>();
        wanted.forEach(p -> lengths.add(p.length()));
        Map<String, int[]> found = new HashMap<>();
        if (wanted.isEmpty()) {
            return found;
        }
        StringBuilder path = new StringBuilder();
        Deque<Frame> frames = new ArrayDeque<>();
        try (JsonParser parser = JSON.createParser(json)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.PROPERTY_NAME) {
                    Frame frame = frames.element();
                    path.setLength(frame.pathLength());
                    path.append('/');
                    appendEscaped(path, parser.currentName());
                    continue;
                }
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    Frame frame = frames.pop();
                    path.setLength(frame.pathLength());
                    record(
                            found,
                            wanted,
                            lengths,
                            path,
                            frame.start(),
                            offset(parser.currentLocation().getCharOffset()));
                    if (!frames.isEmpty() && frames.element().array()) {
                        path.setLength(frames.element().pathLength());
                    }
                    continue;
                }
                Frame parent = frames.peek();
                if (parent != null && parent.array()) {
                    path.setLength(parent.pathLength());
                    path.append('/').append(parent.nextIndex());
                }
                int start = offset(parser.currentTokenLocation().getCharOffset());
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    frames.push(new Frame(path.length(), start, token == JsonToken.START_ARRAY));
                } else {
                    parser.finishToken();
                    record(
                            found,
                            wanted,
                            lengths,
                            path,
                            start,
                            offset(parser.currentLocation().getCharOffset()));
                }
            }
        } catch (JacksonException e) {
            // The text parsed once already; a failure here only means fewer spans, never a wrong one.
        }
        return found;
    }

    private static void record(
            Map<String, int[]> found,
            Set<String> wanted,
            Set<Integer> lengths,
            StringBuilder path,
            int start,
            int end) {
        if (lengths.contains(path.length())) {
            String pointer = path.toString();
            if (wanted.contains(pointer)) {
                found.putIfAbsent(pointer, new int[] {start, Math.max(start, end)});
            }
        }
    }

    private static void appendEscaped(StringBuilder path, String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '~') {
                path.append("~0");
            } else if (c == '/') {
                path.append("~1");
            } else {
                path.append(c);
            }
        }
    }

    private static int offset(long charOffset) {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, charOffset));
    }

    /** An open object or array: the length of its own pointer, where it starts, the next element's index. */
    private static final class Frame {
        private final int pathLength;
        private final int start;
        private final boolean array;
        private int index;

        Frame(int pathLength, int start, boolean array) {
            this.pathLength = pathLength;
            this.start = start;
            this.array = array;
        }

        int pathLength() {
            return pathLength;
        }

        int start() {
            return start;
        }

        boolean array() {
            return array;
        }

        int nextIndex() {
            return index++;
        }
    }
}
