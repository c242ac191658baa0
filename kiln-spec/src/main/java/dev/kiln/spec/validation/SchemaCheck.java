package dev.kiln.spec.validation;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.kiln.spec.KilnException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a spec tree against the published JSON Schema and words each violation for a person.
 *
 * <p>The schema is {@code dev/kiln/spec/kiln-spec.schema.json}; {@link #schemaText()} returns it for
 * {@code kiln schema}. Unknown keys and enum values get "did you mean" suggestions; pattern violations
 * get the hint stored beside the pattern as {@code x-hint}.
 */
public final class SchemaCheck {
    /** Class-path location of the schema. */
    public static final String SCHEMA_RESOURCE = "/dev/kiln/spec/kiln-spec.schema.json";

    private final String schemaText;
    private final JsonNode schemaTree;
    private final Schema schema;

    /** Loads the schema from the class path. */
    public SchemaCheck() {
        this.schemaText = loadSchemaText();
        this.schemaTree = JsonMapper.shared().readTree(schemaText);
        // Messages in English whatever the default locale, so output and LLM repair prompts are stable.
        SchemaRegistryConfig config =
                SchemaRegistryConfig.builder().locale(Locale.ENGLISH).build();
        this.schema = SchemaRegistry.withDefaultDialect(
                        SpecificationVersion.DRAFT_2020_12, builder -> builder.schemaRegistryConfig(config))
                .getSchema(schemaText, InputFormat.JSON);
    }

    /**
     * Returns the JSON Schema as published.
     *
     * @return the schema document
     */
    public String schemaText() {
        return schemaText;
    }

    /**
     * Checks a tree and reports each violation once, in document order.
     *
     * @param tree the parsed spec
     * @param locator where paths sit in the source
     * @return the problems; empty when the tree conforms
     */
    public List<SpecProblem> check(JsonNode tree, ProblemLocator locator) {
        List<Error> errors = new ArrayList<>(schema.validate(tree));
        errors.sort(Comparator.comparing(e -> e.getInstanceLocation().toString()));
        List<SpecProblem> problems = new ArrayList<>();
        for (Error error : errors) {
            Worded worded = word(error);
            SpecProblem problem = locator.problem(worded.path(), worded.message());
            if (!problems.contains(problem)) {
                problems.add(problem);
            }
        }
        problems.sort(Comparator.comparingInt(SpecProblem::line).thenComparingInt(SpecProblem::column));
        return problems;
    }

    private record Worded(String path, String message) {}

    private Worded word(Error error) {
        String path = displayPath(error.getInstanceLocation());
        String keyword = Objects.requireNonNullElse(error.getKeyword(), "");
        JsonNode at = subschema(error.getEvaluationPath());
        String property = error.getProperty();
        return switch (keyword) {
            case "additionalProperties" -> unknownKey(path, property == null ? "?" : property, at);
            case "required" -> new Worded(path, "missing required key '" + property + "'" + example(property));
            case "enum" -> badEnumValue(path, error.getInstanceNode(), at);
            case "type" ->
                new Worded(path, "expected " + expectedType(at) + ", got " + describe(error.getInstanceNode()));
            case "const" -> new Worded(path, hint(at, error.getMessage()));
            default -> new Worded(path, reword(error.getMessage(), path) + hintSuffix(at));
        };
    }

    private Worded unknownKey(String path, String property, JsonNode objectSchema) {
        List<String> known = new ArrayList<>();
        objectSchema.path("properties").propertyNames().forEach(known::add);
        String full = path.isEmpty() ? property : path + "." + property;
        String message = "unknown key '" + property + "'; expected one of: " + String.join(", ", known) + "."
                + Suggestions.didYouMean(property, known);
        return new Worded(full, message);
    }

    private Worded badEnumValue(String path, JsonNode value, JsonNode at) {
        List<String> allowed = new ArrayList<>();
        at.path("enum").forEach(v -> allowed.add(v.asString()));
        String given = value.isString() ? value.asString() : value.toString();
        String message = "unknown value '" + given + "'; expected one of: " + String.join(", ", allowed) + "."
                + Suggestions.didYouMean(given, allowed);
        return new Worded(path, message);
    }

    private static String example(@org.jspecify.annotations.Nullable String property) {
        if (property == null) {
            return "";
        }
        return switch (property) {
            case "kiln" -> " (write 'kiln: 1' at the top)";
            case "name" -> " (for example 'name: blog')";
            case "package" -> " (for example 'package: com.example.blog')";
            case "entities" -> " (a service needs at least one entity)";
            case "type" ->
                " (one of string, text, email, url, int, long, decimal, boolean, date, datetime, uuid, enum, json)";
            case "fields" -> " (write 'fields: []' for an entity with no fields of its own)";
            default -> "";
        };
    }

    private static String expectedType(JsonNode at) {
        JsonNode type = at.path("type");
        return type.isArray() ? "one of " + type : "a value of type " + type.asString();
    }

    private static String describe(JsonNode value) {
        if (value.isString()) {
            return "the text '" + value.asString() + "'";
        }
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isArray()) {
            return "a list";
        }
        return value.isNull() ? "nothing (null)" : "'" + value + "'";
    }

    private static String reword(String message, String path) {
        String prefix = "$" + (path.isEmpty() ? "" : "." + path) + ": ";
        String trimmed = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
        return trimmed.replaceAll("^\\$[^ ]*: ", "");
    }

    private static String hint(JsonNode at, String fallback) {
        JsonNode hint = at.path("x-hint");
        return hint.isString() ? hint.asString() : fallback;
    }

    private static String hintSuffix(JsonNode at) {
        JsonNode hint = at.path("x-hint");
        return hint.isString() ? "; " + hint.asString() : "";
    }

    /** Follows an evaluation path such as {@code $.properties.entities.items.$ref.properties} to its schema. */
    private JsonNode subschema(NodePath evaluationPath) {
        JsonNode node = schemaTree;
        for (int i = 0; i < evaluationPath.getNameCount() - 1; i++) {
            String segment = evaluationPath.getName(i);
            if ("$ref".equals(segment)) {
                node = schemaTree.at(node.path("$ref").asString().substring(1));
            } else {
                node = node.path(segment);
            }
        }
        return node;
    }

    /**
     * Formats a validator path as the user sees it, for example {@code entities[2].fields[0].type}.
     *
     * @param location the validator's path
     * @return the display path
     */
    static String displayPath(NodePath location) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Number index) {
                out.append('[').append(index.intValue()).append(']');
            } else {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(element);
            }
        }
        return out.toString();
    }

    private static String loadSchemaText() {
        try (InputStream in = SchemaCheck.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new KilnException("the spec schema is missing from the class path: " + SCHEMA_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
