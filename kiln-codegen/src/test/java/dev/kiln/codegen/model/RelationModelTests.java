package dev.kiln.codegen.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.codegen.TestSpecs;
import java.util.List;
import org.junit.jupiter.api.Test;

class RelationModelTests {
    /** 60 characters, the longest entity name the schema allows; 76 in snake_case with {@code _id}. */
    private static final String LONG_OWNER = "VeryLongEntityNameThatGoesOnAndOnForeverAndEverAndEverSoMuch";

    private static final String LONG_TARGET = "AnotherRatherLongEntityNameWithManyManyWordsInItToo";

    @Test
    void manyToManyNamesTheJoinTableAndColumnsAfterBothSides() {
        RelationModel relation = relation("Post", "Tag", "{ from: Post, to: Tag, kind: many-to-many }");

        assertThat(relation.joinTable()).isEqualTo("post_tags");
        assertThat(relation.column()).isEqualTo("post_id");
        assertThat(relation.inverseColumn()).isEqualTo("tag_id");
        assertThat(relation.dtoProperty()).isEqualTo("tagIds");
    }

    @Test
    void selfReferencingManyToManyGetsDistinctColumns() {
        RelationModel relation = relation("Person", "Tag", "{ from: Person, to: Person, kind: many-to-many }");

        assertThat(relation.column()).isEqualTo("person_id");
        assertThat(relation.inverseColumn()).isEqualTo("related_person_id");
    }

    @Test
    void manyToOneColumnIsThePropertyWithIdSuffix() {
        RelationModel relation = relation("Order", "Post", "{ from: Order, to: Post, kind: many-to-one, name: from }");

        assertThat(relation.column()).isEqualTo("from_id");
        assertThat(relation.property()).isEqualTo("from");
        assertThat(relation.dtoProperty()).isEqualTo("fromId");
    }

    @Test
    void everySqlIdentifierOfARelationBetweenLongNamedEntitiesFitsPostgresLimit() {
        RelationModel manyToMany = relation(
                LONG_OWNER, LONG_TARGET, "{ from: " + LONG_OWNER + ", to: " + LONG_TARGET + ", kind: many-to-many }");
        RelationModel manyToOne = relation(
                LONG_OWNER, LONG_TARGET, "{ from: " + LONG_OWNER + ", to: " + LONG_TARGET + ", kind: many-to-one }");

        for (String identifier :
                List.of(manyToMany.joinTable(), manyToMany.column(), manyToMany.inverseColumn(), manyToOne.column())) {
            assertThat(identifier).hasSizeLessThanOrEqualTo(63);
        }
        assertThat(manyToMany.column()).startsWith("very_long_entity_name").isNotEqualTo(manyToMany.inverseColumn());
        assertThat(manyToMany.inverseColumn()).startsWith("another_rather_long_entity_name");
    }

    private static RelationModel relation(String from, String to, String relationYaml) {
        ServiceModel model = ServiceModel.of(TestSpecs.yaml("""
                        kiln: 1
                        name: rel
                        package: com.example.rel
                        entities:
                          - { name: %s, fields: [] }
                          - { name: %s, fields: [] }
                        relations:
                          - %s
                        """.formatted(from, to, relationYaml)), TestSpecs.VERSION);
        return model.relations().get(0);
    }
}
