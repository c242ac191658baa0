package dev.kiln.codegen.contributor.deploy;

import java.util.LinkedHashMap;
import java.util.regex.Pattern;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;
import tools.jackson.dataformat.yaml.util.StringQuotingChecker;

/**
 * Renders manifests held as ordered maps, lists and scalars as YAML documents, with a comment header.
 *
 * <p>Strings that YAML would read as a number or a boolean ({@code "10"}, {@code "0x1F"}, {@code "true"},
 * {@code "on"}) are quoted, so that they stay strings where Kubernetes wants strings (ConfigMap data,
 * labels, annotations); Kubernetes reads YAML 1.1, whose numbers and booleans are a wider set than
 * Jackson checks for, so anything that starts like a number is quoted.
 */
final class Yaml {
    private static final YAMLMapper MAPPER = YAMLMapper.builder(YAMLFactory.builder()
                    .stringQuotingChecker(new NumberLikeQuoting())
                    .build())
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

    /** Jackson's quoting, plus every value that starts like a YAML 1.1 number (hex, octal, 1_000, .5). */
    private static final class NumberLikeQuoting extends StringQuotingChecker.Default {
        private static final Pattern NUMBER_LIKE =
                Pattern.compile("[-+]?\\.?[0-9].*|[-+]?\\.(inf|Inf|INF|nan|NaN|NAN)");

        @Override
        public boolean needToQuoteValue(String value) {
            return super.needToQuoteValue(value) || NUMBER_LIKE.matcher(value).matches();
        }
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
