package dev.kiln.spec.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kiln.spec.InvalidSpecException;
import dev.kiln.spec.ServiceSpec;
import dev.kiln.spec.io.SpecReader;
import dev.kiln.spec.io.SpecWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenameRulesTests {
    private static final SpecReader READER = new SpecReader();

    private static final String RENAMED = """
            kiln: 1
            name: blog
            package: com.example.blog
            entities:
              - name: Writer
                renamedFrom: Author
                fields:
                  - { name: fullName, renamedFrom: name, type: string, required: true }
                  - { name: email, type: email }
            relations:
              - { from: Writer, to: Writer, kind: many-to-one, name: mentor }
            """;

    private static ServiceSpec read(String yaml) {
        return READER.read(yaml, "spec.yaml", false);
    }

    private static List<String> problemsOf(String yaml) {
        InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, () -> read(yaml));
        assertThat(e).as("expected the spec to be rejected").isNotNull();
        return e.problems().stream().map(p -> p.path() + ": " + p.message()).toList();
    }

    @Test
    void renamedFromIsReadOnEntitiesAndFieldsAndWrittenBack() {
        ServiceSpec spec = read(RENAMED);

        assertThat(spec.entities().getFirst().renamedFrom()).isEqualTo("Author");
        assertThat(spec.entities().getFirst().fields().getFirst().renamedFrom()).isEqualTo("name");
        assertThat(spec.entities().getFirst().fields().get(1).renamedFrom()).isNull();
        String yaml = SpecWriter.toYaml(spec);
        assertThat(yaml).contains("renamedFrom: Author").contains("renamedFrom: name");
        assertThat(read(yaml)).isEqualTo(spec);
    }

    @Test
    void anEntityRenamedFromOneStillDeclaredIsRejected() {
        String both = RENAMED.replace(
                "relations:", "  - name: Author\n    fields:\n      - { name: x, type: int }\nrelations:");

        assertThat(problemsOf(both))
                .containsExactly("entities[0].renamedFrom: entity 'Writer' is renamed from 'Author', but 'Author' is"
                        + " still declared; remove 'renamedFrom' (to keep both) or the old entity");
    }

    @Test
    void aFieldRenamedFromOneStillDeclaredIsRejected() {
        String both = RENAMED.replace("      - { name: email, type: email }", "      - { name: name, type: string }");

        assertThat(problemsOf(both))
                .containsExactly("entities[0].fields[0].renamedFrom: field 'fullName' is renamed from 'name', but"
                        + " 'name' is still declared; remove 'renamedFrom' (to keep both) or the old field");
    }

    @Test
    void twoFieldsRenamedFromTheSameNameAreRejected() {
        String twice =
                RENAMED.replace("{ name: email, type: email }", "{ name: email, renamedFrom: name, type: email }");

        assertThat(problemsOf(twice))
                .containsExactly("entities[0].fields[1].renamedFrom: field 'email' and field 'fullName' are both"
                        + " renamed from 'name'; only one can take its data");
    }

    @Test
    void twoEntitiesRenamedFromTheSameNameAreRejected() {
        String twice = RENAMED.replace(
                "relations:",
                "  - name: Poet\n    renamedFrom: Author\n    fields:\n      - { name: x, type: int }\nrelations:");

        assertThat(problemsOf(twice))
                .containsExactly("entities[1].renamedFrom: entity 'Poet' and entity 'Writer' are both renamed from"
                        + " 'Author'; only one can take its data");
    }

    @Test
    void aRenameFromItselfOrFromAnImplicitFieldIsRejected() {
        assertThat(problemsOf(RENAMED.replace("renamedFrom: Author", "renamedFrom: Writer")))
                .containsExactly(
                        "entities[0].renamedFrom: entity 'Writer' is renamed from itself; remove 'renamedFrom'");
        assertThat(problemsOf(RENAMED.replace("renamedFrom: name,", "renamedFrom: createdAt,")))
                .containsExactly("entities[0].fields[0].renamedFrom: field 'fullName' cannot be renamed from"
                        + " 'createdAt': Kiln adds that field to every entity");
    }

    @Test
    void aRenamedFromThatIsNotANameIsRejectedByTheSchemaWithAHint() {
        assertThat(problemsOf(RENAMED.replace("renamedFrom: name,", "renamedFrom: Old-Name,")))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("entities[0].fields[0].renamedFrom: ")
                .contains("lowerCamelCase");
    }

    @Test
    void aRelationToTheOldNameSaysWhatItWasRenamedTo() {
        String stale = RENAMED.replace("{ from: Writer, to: Writer,", "{ from: Writer, to: Author,");

        assertThat(problemsOf(stale))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("relations[0].to: relation names unknown entity 'Author'")
                .endsWith("'Author' is renamed to 'Writer': use the new name.");
    }
}
