package dev.kiln.spec.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.kiln.spec.io.SourceDocument;
import dev.kiln.spec.io.SpecReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class SchemaCheckTests {
    private static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";
    private static final Path EXAMPLES = Path.of("../examples");
    private static final SchemaCheck CHECK = new SchemaCheck();

    /** The 2020-12 meta-schema, which the validator library bundles (no network access). */
    private static final Schema META_SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(SchemaLocation.of(DRAFT_2020_12));

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            List<Path> specs = files.filter(p -> {
                        String name = p.getFileName().toString();
                        return name.endsWith(".kiln.yaml") || name.endsWith(".kiln.yml") || name.endsWith(".kiln.json");
                    })
                    .sorted()
                    .toList();
            return specs.stream();
        }
    }

    @Nested
    class SchemaDocument {
        @Test
        void declaresJsonSchema2020_12() {
            JsonNode schema = JsonMapper.shared().readTree(CHECK.schemaText());

            assertThat(schema.path("$schema").asString()).isEqualTo(DRAFT_2020_12);
        }

        @Test
        void isValidAgainstTheJsonSchema2020_12MetaSchema() {
            JsonNode schema = JsonMapper.shared().readTree(CHECK.schemaText());

            assertThat(META_SCHEMA.validate(schema)).extracting(Error::toString).isEmpty();
        }

        @Test
        void metaSchemaCheckRejectsABrokenCopyOfTheSchema() {
            ObjectNode broken = (ObjectNode) JsonMapper.shared().readTree(CHECK.schemaText());
            broken.put("type", "mapping");
            broken.put("minProperties", -1);

            assertThat(META_SCHEMA.validate(broken)).hasSizeGreaterThanOrEqualTo(2);
        }

        @Test
        void everyReferenceResolvesWithinTheDocument() {
            List<String> refs = JsonMapper.shared().readTree(CHECK.schemaText()).findValues("$ref").stream()
                    .map(JsonNode::asString)
                    .toList();
            JsonNode schema = JsonMapper.shared().readTree(CHECK.schemaText());

            assertThat(refs).isNotEmpty();
            assertThat(refs).allSatisfy(ref -> {
                assertThat(ref).startsWith("#/");
                assertThat(schema.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
            });
        }
    }

    @Nested
    class Examples {
        @Test
        void thereAreExamplesToCheck() throws IOException {
            assertThat(examples()).extracting(p -> p.getFileName().toString()).contains("blog.kiln.yaml");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.kiln.spec.validation.SchemaCheckTests#examples")
        void exampleValidatesAgainstThePublishedSchema(Path example) throws IOException {
            String text = Files.readString(example, StandardCharsets.UTF_8);
            boolean json = example.getFileName().toString().endsWith(".json");
            SourceDocument document = new SpecReader().parse(text, example.toString(), json);
            Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(CHECK.schemaText(), InputFormat.JSON);

            assertThat(schema.validate(document.root()))
                    .extracting(Error::toString)
                    .isEmpty();
            assertThat(CHECK.check(document.root(), document)).isEmpty();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.kiln.spec.validation.SchemaCheckTests#examples")
        void examplePassesEveryGateOfTheReader(Path example) {
            assertThat(new SpecReader().read(example).entities()).isNotEmpty();
        }
    }
}
