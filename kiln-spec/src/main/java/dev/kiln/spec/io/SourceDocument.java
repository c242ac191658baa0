package dev.kiln.spec.io;

import dev.kiln.spec.InvalidSpecException;
import dev.kiln.spec.validation.ProblemLocator;
import dev.kiln.spec.validation.SpecProblem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A parsed spec file: its JSON tree plus the line and column of every key and array element.
 *
 * <p>Paths use the form users see in messages, for example {@code entities[2].fields[0].type}.
 */
public final class SourceDocument implements ProblemLocator {
    private final String source;
    private final JsonNode root;
    private final Map<String, int[]> locations;

    private SourceDocument(String source, JsonNode root, Map<String, int[]> locations) {
        this.source = source;
        this.root = root;
        this.locations = locations;
    }

    /**
     * Parses a document from a streaming parser, YAML or JSON alike.
     *
     * @param source the file name for messages
     * @param parser a parser positioned before the first token
     * @return the document
     * @throws InvalidSpecException if the text is not well-formed or holds duplicate keys
     */
    static SourceDocument parse(String source, JsonParser parser) {
        Map<String, int[]> locations = new HashMap<>();
        try (parser) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new InvalidSpecException(
                        List.of(new SpecProblem(source, 1, 1, "", "the file is empty; a spec starts with 'kiln: 1'")));
            }
            locations.put("", position(parser.currentTokenLocation()));
            JsonNode root = new Builder(source, parser, locations).value("");
            return new SourceDocument(source, root, locations);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            int[] pos = at == null ? new int[] {0, 0} : position(at);
            String message = "not well-formed YAML or JSON: " + e.getOriginalMessage();
            throw new InvalidSpecException(List.of(new SpecProblem(source, pos[0], pos[1], "", message)));
        }
    }

    private static int[] position(TokenStreamLocation location) {
        return new int[] {Math.max(0, location.getLineNr()), Math.max(0, location.getColumnNr())};
    }

    /**
     * Returns the parsed tree.
     *
     * @return the root node
     */
    public JsonNode root() {
        return root;
    }

    /**
     * Returns the file name used in messages.
     *
     * @return the source label
     */
    public String source() {
        return source;
    }

    @Override
    public SpecProblem problem(String path, String message) {
        String probe = path;
        int[] at = locations.get(probe);
        while (at == null && !probe.isEmpty()) {
            probe = parentOf(probe);
            at = locations.get(probe);
        }
        int[] pos = at == null ? new int[] {0, 0} : at;
        return new SpecProblem(source, pos[0], pos[1], path, message);
    }

    private static String parentOf(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? "" : path.substring(0, cut);
    }

    /** Builds the tree, recording locations, without recursion deeper than the document. */
    private static final class Builder {
        private static final int MAX_DEPTH = 64;
        private final String source;
        private final JsonParser parser;
        private final Map<String, int[]> locations;
        private int depth;

        Builder(String source, JsonParser parser, Map<String, int[]> locations) {
            this.source = source;
            this.parser = parser;
            this.locations = locations;
        }

        JsonNode value(String path) {
            JsonToken token = parser.currentToken();
            JsonNodeFactory nodes = JsonNodeFactory.instance;
            if (token == JsonToken.START_OBJECT) {
                return object(path);
            }
            if (token == JsonToken.START_ARRAY) {
                return array(path);
            }
            if (token == JsonToken.VALUE_STRING) {
                return nodes.stringNode(parser.getString());
            }
            if (token == JsonToken.VALUE_NUMBER_INT) {
                return nodes.numberNode(parser.getBigIntegerValue());
            }
            if (token == JsonToken.VALUE_NUMBER_FLOAT) {
                return nodes.numberNode(parser.getDecimalValue());
            }
            if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
                return nodes.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            return nodes.nullNode();
        }

        private ObjectNode object(String path) {
            enter(path);
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                String child = path.isEmpty() ? name : path + "." + name;
                int[] at = position(parser.currentTokenLocation());
                if (node.has(name)) {
                    throw duplicate(child, at);
                }
                locations.put(child, at);
                parser.nextToken();
                node.set(name, value(child));
            }
            depth--;
            return node;
        }

        private ArrayNode array(String path) {
            enter(path);
            ArrayNode node = JsonNodeFactory.instance.arrayNode();
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                String child = path + "[" + index++ + "]";
                locations.put(child, position(parser.currentTokenLocation()));
                node.add(value(child));
            }
            depth--;
            return node;
        }

        private void enter(String path) {
            if (++depth > MAX_DEPTH) {
                int[] at = locations.getOrDefault(path, new int[] {0, 0});
                throw new InvalidSpecException(List.of(new SpecProblem(
                        source, at[0], at[1], path, "nested more than " + MAX_DEPTH + " levels deep; a spec is flat")));
            }
        }

        private InvalidSpecException duplicate(String path, int[] at) {
            return new InvalidSpecException(List.of(new SpecProblem(
                    source, at[0], at[1], path, "duplicate key; each key may appear once per object, remove one")));
        }
    }
}
