package dev.kiln.guard.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.guard.Action;
import dev.kiln.guard.Category;
import dev.kiln.guard.Finding;
import dev.kiln.guard.GuardPipeline;
import dev.kiln.guard.GuardResult;
import dev.kiln.guard.Policy;
import dev.kiln.guard.schema.JsonSchemaGuardrail.Violation;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonSchemaGuardrailTests {
    private static final String ORDER = """
            {
              "type": "object",
              "required": ["id", "items"],
              "additionalProperties": false,
              "properties": {
                "id": {"type": "string", "pattern": "^ORD-[0-9]{4}$"},
                "items": {
                  "type": "array",
                  "minItems": 1,
                  "items": {
                    "type": "object",
                    "required": ["sku", "qty"],
                    "properties": {
                      "sku": {"type": "string"},
                      "qty": {"type": "integer", "minimum": 1},
                      "a/b~c": {"type": "boolean"}
                    }
                  }
                }
              }
            }
            """;

    private final JsonSchemaGuardrail guard = JsonSchemaGuardrail.of(ORDER);

    @Test
    void conformingJsonHasNoFindings() {
        assertThat(guard.inspect("{\"id\":\"ORD-0001\",\"items\":[{\"sku\":\"A\",\"qty\":2}]}"))
                .isEmpty();
    }

    @Test
    void eachViolationSaysWhereAsPointerAndOffsetsAndWhatIsWrong() {
        String answer = "{\"id\":\"ORD-1\",\"items\":[{\"sku\":\"A\",\"qty\":2},{\"sku\":\"B\",\"qty\":\"two\"}]}";

        List<Violation> violations = guard.check(answer);

        assertThat(violations)
                .extracting(Violation::type, Violation::pointer)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("SCHEMA_PATTERN", "/id"),
                        org.assertj.core.groups.Tuple.tuple("SCHEMA_TYPE", "/items/1/qty"));
        Violation pattern = violations.get(0);
        assertThat(answer.substring(pattern.start(), pattern.end())).isEqualTo("\"ORD-1\"");
        Violation type = violations.get(1);
        assertThat(answer.substring(type.start(), type.end())).isEqualTo("\"two\"");
        assertThat(type.message()).contains("integer").contains("string");
        Finding finding = type.toFinding();
        assertThat(finding.category()).isEqualTo(Category.SCHEMA);
        assertThat(finding.detail()).startsWith("/items/1/qty: ");
    }

    @Test
    void missingAndUnknownPropertiesPointAtTheirObject() {
        String answer = "  {\"id\":\"ORD-0001\",\"items\":[{\"sku\":\"A\"}],\"note\":1}\n";

        List<Violation> violations = guard.check(answer);

        assertThat(violations)
                .extracting(Violation::type)
                .containsExactlyInAnyOrder("SCHEMA_ADDITIONAL_PROPERTIES", "SCHEMA_REQUIRED");
        Violation required = violations.stream()
                .filter(v -> v.type().equals("SCHEMA_REQUIRED"))
                .findFirst()
                .orElseThrow();
        assertThat(required.pointer()).isEqualTo("/items/0");
        assertThat(answer.substring(required.start(), required.end())).isEqualTo("{\"sku\":\"A\"}");
        assertThat(required.message()).contains("qty");
        Violation extra = violations.stream()
                .filter(v -> v.type().equals("SCHEMA_ADDITIONAL_PROPERTIES"))
                .findFirst()
                .orElseThrow();
        assertThat(extra.message()).contains("note");
        assertThat(extra.start()).isEqualTo(2);
    }

    @Test
    void pointersEscapeSlashAndTilde() {
        String answer = "{\"id\":\"ORD-0001\",\"items\":[{\"sku\":\"A\",\"qty\":1,\"a/b~c\":\"yes\"}]}";

        Violation v = guard.check(answer).getFirst();

        assertThat(v.pointer()).isEqualTo("/items/0/a~1b~0c");
        assertThat(answer.substring(v.start(), v.end())).isEqualTo("\"yes\"");
    }

    @Test
    void jsonInAFenceIsCheckedWithOffsetsIntoTheWholeAnswer() {
        String answer = "Here is the order:\n```json\n{\"id\":\"ORD-0001\",\"items\":[]}\n```\nAnything else?";

        List<Violation> violations = guard.check(answer);

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.type()).isEqualTo("SCHEMA_MIN_ITEMS");
            assertThat(v.pointer()).isEqualTo("/items");
            assertThat(answer.substring(v.start(), v.end())).isEqualTo("[]");
        });
        assertThat(guard.check("```\n{\"id\":\"ORD-0001\",\"items\":[{\"sku\":\"A\",\"qty\":1}]}\n```"))
                .isEmpty();
        assertThat(
                        guard.check(
                                "```python\nprint(1)\n```\n```json\n{\"id\":\"ORD-0001\",\"items\":[{\"sku\":\"A\",\"qty\":1}]}\n```"))
                .isEmpty();
    }

    @Test
    void proseTrailingTokensAndBrokenJsonAreNotJson() {
        assertThat(guard.check("Sure! The order id is ORD-0001."))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.type()).isEqualTo(JsonSchemaGuardrail.NOT_JSON);
                    assertThat(v.message()).startsWith("not JSON");
                });
        assertThat(guard.check("{\"id\":\"ORD-0001\",\"items\":[]} hope this helps"))
                .extracting(Violation::type)
                .containsExactly(JsonSchemaGuardrail.NOT_JSON);
        assertThat(guard.check("```json\n{\"id\": \n```"))
                .singleElement()
                .satisfies(v -> assertThat(v.message()).startsWith("the ```json block is not JSON"));
        assertThat(guard.check("")).extracting(Violation::type).containsExactly(JsonSchemaGuardrail.NOT_JSON);
    }

    @Test
    void deepNestingIsRefusedWithoutAStackOverflow() {
        String deep = "[".repeat(200_000) + "]".repeat(200_000);
        String deepObjects = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);

        assertThat(guard.check(deep)).extracting(Violation::type).containsExactly(JsonSchemaGuardrail.NOT_JSON);
        assertThat(guard.check(deepObjects)).extracting(Violation::type).containsExactly(JsonSchemaGuardrail.NOT_JSON);
    }

    @Test
    void aHugeArrayStopsAtTheFindingLimitAndTheStepLimit() {
        String many = "{\"id\":\"ORD-0001\",\"items\":[" + "{\"sku\":1,\"qty\":0},".repeat(50_000) + "{}]}";
        JsonSchemaGuardrail capped =
                JsonSchemaGuardrail.builder(ORDER).maxFindings(10).build();

        assertThat(capped.check(many))
                .hasSize(10)
                .allSatisfy(v -> assertThat(v.pointer()).startsWith("/items/"));
        JsonSchemaGuardrail stepLimited =
                JsonSchemaGuardrail.builder(ORDER).maxEvaluation(1_000, 100).build();
        assertThat(stepLimited.check(many)).singleElement().satisfies(v -> {
            assertThat(v.type()).isEqualTo(JsonSchemaGuardrail.LIMIT);
            assertThat(v.message()).contains("1000");
        });
        assertThat(JsonSchemaGuardrail.builder(ORDER).maxChars(100).build().check(many))
                .extracting(Violation::type)
                .containsExactly(JsonSchemaGuardrail.NOT_JSON);
    }

    @Test
    void schemaPatternsRunInLinearTime() {
        JsonSchemaGuardrail evil = JsonSchemaGuardrail.of("{\"type\":\"string\",\"pattern\":\"^(a+)+$\"}");
        String hostile = "\"" + "a".repeat(100_000) + "!\"";

        long start = System.nanoTime();
        List<Violation> violations = evil.check(hostile);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(violations).extracting(Violation::type).containsExactly("SCHEMA_PATTERN");
    }

    @Test
    void unusableSchemasAreRefusedWhenBuilt() {
        assertThatThrownBy(() -> JsonSchemaGuardrail.of("{\"type\":\"string\",\"pattern\":\"(?=a)b\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RE2");
        assertThatThrownBy(() -> JsonSchemaGuardrail.of("{\"$ref\":\"https://example.com/order.json\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("example.com");
        assertThatThrownBy(() -> JsonSchemaGuardrail.of("{\"properties\":{\"a\":{\"$ref\":\"#/$defs/none\"}}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be resolved");
        assertThat(JsonSchemaGuardrail.of(
                                "{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"required\":[\"a\"]}")
                        .check("{}"))
                .extracting(Violation::type)
                .containsExactly("SCHEMA_REQUIRED");
        assertThatThrownBy(() -> JsonSchemaGuardrail.of("{not json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JSON Schema");
    }

    @Test
    void thePolicyBlocksOrFlagsAndNeverMasks() {
        String answer = "{\"id\":\"ORD-0001\",\"items\":[]}";
        GuardResult blocked = GuardPipeline.builder().output(guard).build().checkOutput(answer);
        assertThat(blocked.verdict()).isEqualTo(Action.BLOCK);
        assertThat(blocked.redacted()).isEqualTo(answer);

        GuardResult flagged = GuardPipeline.builder()
                .output(guard)
                .outputPolicy(Policy.builder().on(Category.SCHEMA, Action.FLAG).build())
                .build()
                .checkOutput(answer);
        assertThat(flagged.verdict()).isEqualTo(Action.FLAG);
        assertThat(flagged.findings(Category.SCHEMA)).extracting(Finding::type).containsExactly("SCHEMA_MIN_ITEMS");
    }
}
