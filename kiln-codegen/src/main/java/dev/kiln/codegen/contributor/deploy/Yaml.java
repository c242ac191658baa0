package dev.kiln.codegen.contributor.deploy;

import java.util.LinkedHashMap;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Renders manifests held as ordered maps, lists and scalars as YAML documents, with a comment header.
 *
 * <p>Strings that YAML would read as a number or a boolean ({@code "10"}, {@code "true"}) are quoted, so
 * that they stay strings where Kubernetes wants strings (ConfigMap data, labels, annotations).
 */
final class Yaml {
    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .disable(YAMLWriteFeature.SPLIT_LINES)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();

    private Yaml() {}

    /**
     * Starts an empty mapping.
     *
     * @return a mapping that keeps its keys in insertion order
     */
    static Node node() {
        return new Node();
    }

    /**
     * Renders one document.
     *
     * @param comment the header, one or more lines without the leading {@code #}; empty for none
     * @param document the content
     * @return YAML text ending in a newline
     */
    static String write(String comment, Object document) {
        StringBuilder out = new StringBuilder();
        if (!comment.isEmpty()) {
            comment.lines()
                    .forEach(line ->
                            out.append(line.isEmpty() ? "#" : "# " + line).append('\n'));
        }
        return out.append(MAPPER.writeValueAsString(document)).toString();
    }

    /** A YAML mapping built key by key, in the order the keys are added. */
    static final class Node extends LinkedHashMap<String, Object> {
        /**
         * Adds an entry.
         *
         * @param key the key
         * @param value a string, number, boolean, list or node
         * @return this node
         */
        Node with(String key, Object value) {
            put(key, value);
            return this;
        }
    }
}
