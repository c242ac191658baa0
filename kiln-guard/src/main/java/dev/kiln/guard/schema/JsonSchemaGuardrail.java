package dev.kiln.guard.schema;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.ValidationLimitExceededException;
import com.networknt.schema.path.PathType;
import dev.kiln.guard.Category;
import dev.kiln.guard.Finding;
import dev.kiln.guard.Guardrail;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks that a model's answer is JSON that follows a JSON Schema: an output-direction {@link Guardrail} whose
 * findings ({@link Category#SCHEMA}) say where the answer goes wrong, as a JSON pointer and as character
 * offsets into the answer, and what is wrong.
 *
 * <p>The answer is the whole text (surrounding whitespace aside) or, when that is not JSON, the first Markdown
 * code fence marked {@code json} or unmarked. Answers that are neither give one {@code NOT_JSON} finding;
 * JSON that breaks the schema gives one {@code SCHEMA_<KEYWORD>} finding per violation (such as
 * {@code SCHEMA_TYPE}, {@code SCHEMA_REQUIRED}, {@code SCHEMA_ADDITIONAL_PROPERTIES}), at most
 * {@link Builder#maxFindings(int)} of them. The schema decides its own dialect through {@code $schema}; without
 * one it is read as draft 2020-12. Every {@code $ref} must resolve inside the schema (or to a meta-schema) when the
 * guardrail is built; remote schemas are never fetched.
 *
 * <p>Hostile answers cannot make it hang or throw: parsing is bounded by Jackson's stream limits (nesting
 * depth, number and string lengths), an answer longer than {@link Builder#maxChars(int)} is not parsed, the
 * validator stops after a number of steps and a nesting depth ({@link Builder#maxEvaluation(long, int)}) (reported as
 * {@code SCHEMA_LIMIT}, which a policy should treat as a failure), and the schema's {@code pattern} keywords run
 * on RE2/J, in time linear in the string (so they must use RE2 syntax: no look-around or back-references).
 * Immutable and thread-safe.
 */
public final class JsonSchemaGuardrail implements Guardrail {
    /** The finding type of an answer that holds no JSON. */
    public static final String NOT_JSON = "NOT_JSON";

    /** The finding type of an answer whose validation hit a limit before it finished. */
    public static final String LIMIT = "SCHEMA_LIMIT";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final Schema schema;
    private final int maxFindings;
    private final int maxChars;
    private final long maxEvaluationSteps;
    private final int maxEvaluationDepth;

    private JsonSchemaGuardrail(Builder builder) {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .locale(Locale.ENGLISH)
                .pathType(PathType.JSON_POINTER)
                .regularExpressionFactory(Re2RegularExpressionFactory.INSTANCE)
                .build();
        try {
            this.schema = SchemaRegistry.withDefaultDialect(
                            SpecificationVersion.DRAFT_2020_12, b -> b.schemaRegistryConfig(config))
                    .getSchema(builder.schemaText, InputFormat.JSON);
            this.schema.initializeValidators();
        } catch (SchemaException | JacksonException e) {
            throw new IllegalArgumentException("not a usable JSON Schema: " + e.getMessage(), e);
        }
        this.maxFindings = builder.maxFindings;
        this.maxChars = builder.maxChars;
        this.maxEvaluationSteps = builder.maxEvaluationSteps;
        this.maxEvaluationDepth = builder.maxEvaluationDepth;
    }

    /**
     * A guardrail for one schema, with the default limits.
     *
     * @param schemaText the JSON Schema as JSON text
     * @return the guardrail
     * @throws IllegalArgumentException if the text is not a JSON Schema the validator can use (including a
     *     {@code pattern} outside RE2 syntax)
     */
    public static JsonSchemaGuardrail of(String schemaText) {
        return builder(schemaText).build();
    }

    /**
     * Starts a guardrail for one schema.
     *
     * @param schemaText the JSON Schema as JSON text
     * @return a builder
     */
    public static Builder builder(String schemaText) {
        return new Builder(schemaText);
    }

    @Override
    public String name() {
        return "schema";
    }

    @Override
    public List<Finding> inspect(String text) {
        return check(text).stream().map(Violation::toFinding).toList();
    }

    /**
     * Checks an answer and says what is wrong with it, by position in the answer.
     *
     * @param text the model's answer
     * @return the violations, by start offset; empty when the answer is JSON that follows the schema
     */
    public List<Violation> check(String text) {
        if (text.length() > maxChars) {
            return List.of(new Violation(
                    NOT_JSON,
                    "",
                    "answer of " + text.length() + " characters is over the limit of " + maxChars,
                    0,
                    text.length()));
        }
        JsonSource source = JsonSource.locate(text);
        @Nullable JsonNode tree;
        try {
            tree = JSON.readTree(source.json());
        } catch (JacksonException e) {
            return List.of(new Violation(
                    NOT_JSON,
                    "",
                    (source.fenced() ? "the ```json block is not JSON: " : "not JSON: ") + e.getOriginalMessage(),
                    source.offset(),
                    source.offset() + source.json().length()));
        } catch (RuntimeException e) {
            // Jackson reports its own limits as JacksonException; anything else is still not usable JSON.
            return List.of(new Violation(
                    NOT_JSON,
                    "",
                    "not JSON: " + e,
                    source.offset(),
                    source.offset() + source.json().length()));
        }
        if (tree == null || tree.isMissingNode()) {
            return List.of(new Violation(NOT_JSON, "", "not JSON: the answer is empty", 0, text.length()));
        }
        List<Error> errors;
        try {
            errors = schema.validate(
                    tree,
                    context -> context.executionConfig(
                            c -> c.maxEvaluationSteps(maxEvaluationSteps).maxEvaluationDepth(maxEvaluationDepth)));
        } catch (SchemaException e) {
            // Every reference is resolved when the guardrail is built; this is a validator fault, reported as a
            // failure so that a policy never lets an unchecked answer through.
            return List.of(new Violation(
                    LIMIT,
                    "",
                    "validation failed: " + e.getMessage(),
                    source.offset(),
                    source.offset() + source.json().length()));
        } catch (ValidationLimitExceededException e) {
            return List.of(new Violation(
                    LIMIT,
                    e.getInstanceLocation() == null
                            ? ""
                            : e.getInstanceLocation().toString(),
                    "validation stopped: "
                            + e.getLimitKind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " limit of "
                            + e.getLimit() + " reached",
                    source.offset(),
                    source.offset() + source.json().length()));
        }
        return violations(errors, source);
    }

    private List<Violation> violations(List<Error> errors, JsonSource source) {
        Map<String, Error> firstPerProblem = new LinkedHashMap<>();
        for (Error error : errors) {
            String key = error.getInstanceLocation() + "\u0000" + error.getKeyword() + "\u0000" + error.getMessage();
            firstPerProblem.putIfAbsent(key, error);
            if (firstPerProblem.size() == maxFindings) {
                break;
            }
        }
        List<String> pointers = firstPerProblem.values().stream()
                .map(e -> e.getInstanceLocation().toString())
                .toList();
        Map<String, int[]> spans = JsonLocator.spans(source.json(), pointers);
        List<Violation> violations = new ArrayList<>();
        for (Error error : firstPerProblem.values()) {
            String pointer = error.getInstanceLocation().toString();
            int[] span = spans.getOrDefault(pointer, new int[] {0, source.json().length()});
            violations.add(new Violation(
                    "SCHEMA_" + upperSnake(Objects.requireNonNullElse(error.getKeyword(), "violation")),
                    pointer,
                    Objects.requireNonNullElse(error.getMessage(), "does not follow the schema"),
                    source.offset() + span[0],
                    source.offset() + span[1]));
        }
        violations.sort((a, b) ->
                a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(a.end(), b.end()));
        return List.copyOf(violations);
    }

    private static String upperSnake(String keyword) {
        StringBuilder sb = new StringBuilder(keyword.length() + 4);
        for (int i = 0; i < keyword.length(); i++) {
            char c = keyword.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                sb.append('_');
            }
            sb.append(c == '$' ? '_' : Character.toUpperCase(c));
        }
        return sb.toString();
    }

    /**
     * One way an answer misses its schema.
     *
     * @param type the finding type: {@link #NOT_JSON}, {@link #LIMIT} or {@code SCHEMA_<KEYWORD>}
     * @param pointer where in the JSON, as an RFC 6901 JSON pointer ({@code ""} is the whole document)
     * @param message what is wrong, in English
     * @param start the offset in the answer of the first character of the value at the pointer
     * @param end the offset after its last character
     */
    public record Violation(String type, String pointer, String message, int start, int end) {
        /**
         * This violation as a guardrail finding, its detail being the pointer and the message.
         *
         * @return the finding
         */
        public Finding toFinding() {
            String where = pointer.isEmpty() ? "(root)" : pointer;
            return new Finding(Category.SCHEMA, type, start, end, 1.0, where + ": " + message);
        }
    }

    /** Builds a {@link JsonSchemaGuardrail}. */
    public static final class Builder {
        private final String schemaText;
        private int maxFindings = 50;
        private int maxChars = 8_000_000;
        private long maxEvaluationSteps = 2_000_000;
        private int maxEvaluationDepth = 1_000;

        private Builder(String schemaText) {
            this.schemaText = schemaText;
        }

        /**
         * Sets how many violations one answer reports at most (default 50).
         *
         * @param maxFindings the limit, at least 1
         * @return this builder
         */
        public Builder maxFindings(int maxFindings) {
            if (maxFindings < 1) {
                throw new IllegalArgumentException("maxFindings must be at least 1: " + maxFindings);
            }
            this.maxFindings = maxFindings;
            return this;
        }

        /**
         * Sets the longest answer that is parsed (default 8,000,000 characters); a longer one is reported as
         * {@link #NOT_JSON} without being read.
         *
         * @param maxChars the limit, at least 1
         * @return this builder
         */
        public Builder maxChars(int maxChars) {
            if (maxChars < 1) {
                throw new IllegalArgumentException("maxChars must be at least 1: " + maxChars);
            }
            this.maxChars = maxChars;
            return this;
        }

        /**
         * Sets how many evaluation steps the validator may take on one answer (default 2,000,000) and how deep
         * it may nest (default 1,000); past either the answer gets one {@link #LIMIT} finding.
         *
         * @param steps the step limit, at least 1
         * @param depth the depth limit, at least 1
         * @return this builder
         */
        public Builder maxEvaluation(long steps, int depth) {
            if (steps < 1 || depth < 1) {
                throw new IllegalArgumentException("evaluation limits must be at least 1: " + steps + ", " + depth);
            }
            this.maxEvaluationSteps = steps;
            this.maxEvaluationDepth = depth;
            return this;
        }

        /**
         * Builds the guardrail, compiling the schema.
         *
         * @return the guardrail
         * @throws IllegalArgumentException if the schema cannot be used
         */
        public JsonSchemaGuardrail build() {
            return new JsonSchemaGuardrail(this);
        }
    }
}
