package dev.kiln.spec.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kiln.spec.FieldType;
import dev.kiln.spec.InvalidSpecException;
import dev.kiln.spec.RelationKind;
import dev.kiln.spec.ServiceSpec;
import dev.kiln.spec.validation.SpecProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecReaderTests {
    private static final SpecReader READER = new SpecReader();

    private static final String MINIMAL = """
            kiln: 1
            name: shop
            package: com.example.shop
            entities:
              - name: Product
                fields:
                  - { name: title, type: string, required: true }
            """;

    private static List<SpecProblem> problemsOf(String yaml) {
        InvalidSpecException e =
                catchThrowableOfType(InvalidSpecException.class, () -> READER.read(yaml, "spec.yaml", false));
        assertThat(e).as("expected the spec to be rejected").isNotNull();
        return e.problems();
    }

    @Nested
    class ValidSpecs {
        @Test
        void readsTheShippedExampleWithEveryFieldTypeAndRelationKind() {
            ServiceSpec spec = READER.read(Path.of("../examples/blog.kiln.yaml"));

            assertThat(spec.name()).isEqualTo("blog");
            assertThat(spec.entities()).hasSizeGreaterThanOrEqualTo(6);
            assertThat(spec.entities().stream()
                            .flatMap(e -> e.fields().stream())
                            .map(f -> f.type()))
                    .containsAll(List.of(FieldType.values()));
            assertThat(spec.relations().stream().map(r -> r.kind())).containsAll(List.of(RelationKind.values()));
        }

        @Test
        void acceptsKeywordNamesThatTheCompilerMustQuote() {
            ServiceSpec spec = READER.read(
                    MINIMAL.replace("Product", "Order").replace("title", "from") + """
                              - name: User
                                fields:
                                  - { name: class, type: string }
                            """.replace("class", "group"),
                    "spec.yaml",
                    false);
            assertThat(spec.entity("Order")).isPresent();
            assertThat(spec.entity("User").orElseThrow().field("group")).isPresent();
        }

        @Test
        void readsJsonAsWellAsYaml() {
            String json = """
                    {"kiln": 1, "name": "shop", "package": "com.example.shop",
                     "entities": [{"name": "Product", "fields": [{"name": "price", "type": "decimal", "default": 0}]}]}
                    """;
            ServiceSpec spec = READER.read(json, "spec.json", true);
            assertThat(spec.entities().get(0).fields().get(0).defaultValue()).isEqualTo("0");
        }

        @Test
        void roundTripsThroughYamlAndJsonToAnEqualSpec() {
            ServiceSpec spec = READER.read(Path.of("../examples/blog.kiln.yaml"));
            assertThat(READER.read(SpecWriter.toYaml(spec), "out.yaml", false)).isEqualTo(spec);
            assertThat(READER.read(SpecWriter.toJson(spec), "out.json", true)).isEqualTo(spec);
        }

        @Test
        void jsonOutputKeepsTheKeysOtherToolsRead() {
            String json = SpecWriter.toJson(READER.read(MINIMAL, "spec.yaml", false));
            assertThat(json)
                    .contains("\"name\" : \"shop\"")
                    .contains("\"type\" : \"string\"")
                    .contains("\"required\" : true")
                    .contains("\"unique\" : false")
                    .contains("\"audit\" : false");
        }
    }

    @Nested
    class Typos {
        @Test
        void misspelledTypeIsLocatedAndCorrected() {
            List<SpecProblem> problems = problemsOf(MINIMAL.replace("type: string", "type: strng"));

            assertThat(problems).hasSize(1);
            SpecProblem problem = problems.get(0);
            assertThat(problem.path()).isEqualTo("entities[0].fields[0].type");
            assertThat(problem.line()).isEqualTo(7);
            assertThat(problem.message()).contains("'strng'").contains("Did you mean 'string'?");
            assertThat(problem.render()).startsWith("spec.yaml:7:");
        }

        @Test
        void unknownKeyNamesTheKeysThatWouldWork() {
            List<SpecProblem> problems = problemsOf(MINIMAL.replace("required: true", "requird: true"));

            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.path()).isEqualTo("entities[0].fields[0].requird");
                assertThat(p.message()).contains("Did you mean 'required'?");
            });
        }

        @Test
        void schemaMessagesAreEnglishWhateverTheDefaultLocale() {
            // Surefire runs under tr_TR; the validator's own wording must not follow it.
            List<SpecProblem> problems = problemsOf(MINIMAL.replace("name: shop", "name: s"));
            assertThat(problems)
                    .singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("must be at least 2 characters long"));
        }

        @Test
        void wrongValueTypeSaysWhatWasExpected() {
            List<SpecProblem> problems = problemsOf(MINIMAL.replace("required: true", "required: sometimes"));
            assertThat(problems)
                    .singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("boolean").contains("sometimes"));
        }
    }

    @Nested
    class SemanticMistakes {
        @Test
        void duplicateEntityNamesAreRejected() {
            String yaml = MINIMAL + """
                      - name: Product
                        fields: []
                    """;
            assertThat(problemsOf(yaml)).anySatisfy(p -> assertThat(p.message()).contains("declared twice"));
        }

        @Test
        void relationToUnknownEntitySuggestsTheNearestOne() {
            String yaml = MINIMAL + """
                      - name: Review
                        fields: []
                    relations:
                      - { from: Review, to: Prodcut, kind: many-to-one }
                    """;
            assertThat(problemsOf(yaml)).singleElement().satisfies(p -> {
                assertThat(p.path()).isEqualTo("relations[0].to");
                assertThat(p.message()).contains("Did you mean 'Product'?");
            });
        }

        @Test
        void requiredSelfReferenceIsRejectedAsACycle() {
            String yaml = MINIMAL + """
                    relations:
                      - { from: Product, to: Product, kind: many-to-one, name: parent, required: true }
                    """;
            assertThat(problemsOf(yaml)).singleElement().satisfies(p -> {
                assertThat(p.path()).isEqualTo("relations[0].required");
                assertThat(p.message()).contains("cycle").contains("Product -> Product");
            });
        }

        @Test
        void optionalSelfReferenceIsFine() {
            String yaml = MINIMAL + """
                    relations:
                      - { from: Product, to: Product, kind: many-to-one, name: parent }
                    """;
            assertThat(READER.read(yaml, "spec.yaml", false).relations()).hasSize(1);
        }

        @Test
        void enumWithoutValuesIsRejected() {
            List<SpecProblem> problems = problemsOf(MINIMAL.replace("type: string", "type: enum"));
            assertThat(problems)
                    .singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("needs 'values'"));
        }

        @Test
        void constraintOnTheWrongTypeIsRejected() {
            List<SpecProblem> problems = problemsOf(MINIMAL.replace("required: true", "min: 3"));
            assertThat(problems)
                    .singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("only applies to numbers"));
        }

        @Test
        void fractionalBoundOnAnIntegerFieldIsRejected() {
            List<SpecProblem> problems =
                    problemsOf(MINIMAL.replace("type: string, required: true", "type: int, min: 0.5"));
            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.path()).endsWith(".min");
                assertThat(p.message()).contains("not a whole number");
            });
        }

        @Test
        void defaultThatDoesNotParseIsRejected() {
            List<SpecProblem> problems =
                    problemsOf(MINIMAL.replace("type: string, required: true", "type: int, default: lots"));
            assertThat(problems)
                    .singleElement()
                    .satisfies(p -> assertThat(p.path()).endsWith(".default"));
        }
    }

    @Nested
    class BadFiles {
        @Test
        void malformedYamlReportsWhere() {
            List<SpecProblem> problems = problemsOf("kiln: 1\nname: [unclosed\n");
            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.message()).startsWith("not well-formed");
                assertThat(p.line()).isPositive();
            });
        }

        @Test
        void zeroEntitiesIsRejected() {
            assertThat(problemsOf("kiln: 1\nname: shop\npackage: com.example\nentities: []\n"))
                    .singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("between 1 and 500"));
        }

        @Test
        void twoThousandEntitiesIsRejected() {
            StringBuilder yaml = new StringBuilder("kiln: 1\nname: huge\npackage: com.example\nentities:\n");
            for (int i = 0; i < 2000; i++) {
                yaml.append("  - { name: E").append(i).append(", fields: [] }\n");
            }
            assertThat(problemsOf(yaml.toString()))
                    .anySatisfy(p -> assertThat(p.message()).contains("500"));
        }

        @Test
        void unicodeNamesGetAHint() {
            List<SpecProblem> problems = problemsOf(MINIMAL.replace("Product", "Ürün"));
            assertThat(problems)
                    .singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("PascalCase"));
        }

        @Test
        void emptyFileIsRejected() {
            assertThat(problemsOf("  \n"))
                    .singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("empty"));
        }

        @Test
        void missingFileDirectoryAndHugeFileAreRejected(@TempDir Path dir) throws IOException {
            Path huge = dir.resolve("huge.yaml");
            Files.write(huge, new byte[10_000_000]);
            Path binary = dir.resolve("binary.yaml");
            Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0x00});

            assertThat(rejection(dir.resolve("missing.yaml"))).contains("no such file");
            assertThat(rejection(dir)).contains("is a directory");
            assertThat(rejection(huge)).contains("10.0 MB");
            assertThat(rejection(binary)).contains("not UTF-8");
        }

        @Test
        void duplicateKeysAreRejected() {
            assertThat(problemsOf(MINIMAL + "name: again\n"))
                    .singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("duplicate key"));
        }

        private String rejection(Path file) {
            InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, () -> READER.read(file));
            assertThat(e).isNotNull();
            return String.valueOf(e.getMessage());
        }
    }

    @Test
    void textIsDecodedAsUtf8() {
        byte[] bytes = MINIMAL.replace("com.example.shop\n", "com.example.shop\ndescription: Café\n")
                .getBytes(StandardCharsets.UTF_8);
        ServiceSpec spec = READER.read(new String(bytes, StandardCharsets.UTF_8), "spec.yaml", false);
        assertThat(spec.description()).isEqualTo("Café");
    }
}
