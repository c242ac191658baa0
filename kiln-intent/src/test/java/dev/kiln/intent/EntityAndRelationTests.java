package dev.kiln.intent;

import static dev.kiln.intent.Specs.entity;
import static dev.kiln.intent.Specs.field;
import static dev.kiln.intent.Specs.kind;
import static dev.kiln.intent.Specs.relation;
import static dev.kiln.intent.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.spec.Entity;
import dev.kiln.spec.FieldType;
import dev.kiln.spec.RelationKind;
import dev.kiln.spec.ServiceSpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Entity naming and the relation verbs of the lexicon. */
class EntityAndRelationTests {

    @Nested
    class Entities {
        @Test
        void namesAreSingularPascalCase() {
            ServiceSpec spec = spec("Order items have a quantity. Categories have a name. Addresses have a city.");
            assertThat(spec.entities()).extracting(Entity::name).containsExactly("OrderItem", "Category", "Address");
        }

        @Test
        void synonymsTakeTheConceptName() {
            assertThat(spec("Todos have a title and a done flag.").entities())
                    .extracting(Entity::name)
                    .containsExactly("Task");
        }

        @Test
        void adjectivesInFrontOfANounAreNotPartOfItsName() {
            ServiceSpec spec = spec("Buyers can save many favorite properties. Properties have a price.");
            assertThat(spec.entities()).extracting(Entity::name).containsExactlyInAnyOrder("Buyer", "Property");
        }

        @Test
        void theServiceFeaturesAndAudienceAreNotEntities() {
            ServiceSpec spec = spec("Create a blog service with JWT auth where authors write posts with a title;"
                    + " readers comment on posts. Add rate limiting of 50 requests per minute.");
            assertThat(spec.entities()).extracting(Entity::name).containsExactly("Author", "Post", "Comment");
        }

        @Test
        void tenantsAreAFeatureNotAnEntity() {
            ServiceSpec spec = spec("Invoices have a number. Multi-tenant with organizations as tenants.");
            assertThat(spec.entities()).extracting(Entity::name).containsExactly("Invoice");
            assertThat(spec.features().multiTenant()).isTrue();
        }
    }

    @Nested
    class Relations {
        @Test
        void belongToIsManyToOneFromTheSubject() {
            ServiceSpec spec = spec("Order items belong to orders. Orders have a total.");
            assertThat(spec.relations()).singleElement().satisfies(r -> {
                assertThat(r.from()).isEqualTo("OrderItem");
                assertThat(r.to()).isEqualTo("Order");
                assertThat(r.kind()).isEqualTo(RelationKind.MANY_TO_ONE);
            });
        }

        @Test
        void haveManyIsManyToOneFromTheObject() {
            ServiceSpec spec = spec("Albums have a title and many photos. Photos have a caption.");
            assertThat(relation(spec, "Album", "Photo")).hasValueSatisfying(r -> {
                assertThat(r.from()).isEqualTo("Photo");
                assertThat(r.kind()).isEqualTo(RelationKind.MANY_TO_ONE);
            });
        }

        @Test
        void hasOneIsOneToOne() {
            assertThat(kind(spec("Each user has one profile. Profiles have a bio."), "User", "Profile"))
                    .isEqualTo(RelationKind.ONE_TO_ONE);
        }

        @Test
        void hasAnEntityIsManyToOneToIt() {
            ServiceSpec spec = spec("Tickets have a subject and a category. Categories have a name.");
            assertThat(relation(spec, "Ticket", "Category")).hasValueSatisfying(r -> {
                assertThat(r.from()).isEqualTo("Ticket");
                assertThat(r.kind()).isEqualTo(RelationKind.MANY_TO_ONE);
            });
        }

        @Test
        void areAssignedToIsManyToOne() {
            assertThat(kind(spec("Agents are assigned to tickets."), "Agent", "Ticket"))
                    .isEqualTo(RelationKind.MANY_TO_ONE);
        }

        @Test
        void ownIsManyToOneFromWhatIsOwned() {
            ServiceSpec spec = spec("Users own albums. Albums have a title.");
            assertThat(relation(spec, "User", "Album")).hasValueSatisfying(r -> {
                assertThat(r.from()).isEqualTo("Album");
                assertThat(r.kind()).isEqualTo(RelationKind.MANY_TO_ONE);
            });
        }

        @Test
        void canHaveManyTagsIsManyToMany() {
            assertThat(kind(spec("Posts have a title and can have many tags."), "Post", "Tag"))
                    .isEqualTo(RelationKind.MANY_TO_MANY);
        }

        @Test
        void manyToManyVerbsRelateBothWays() {
            assertThat(kind(spec("Students enroll in courses. Courses have a title."), "Student", "Course"))
                    .isEqualTo(RelationKind.MANY_TO_MANY);
        }

        @Test
        void aRecordOfTheVerbJoinsInsteadOfAManyToMany() {
            ServiceSpec spec = spec("Members borrow books; a loan records the loan date and the due date.");
            assertThat(spec.entities()).extracting(Entity::name).containsExactly("Member", "Book", "Loan");
            assertThat(relation(spec, "Member", "Book")).isEmpty();
            assertThat(kind(spec, "Loan", "Member")).isEqualTo(RelationKind.MANY_TO_ONE);
            assertThat(kind(spec, "Loan", "Book")).isEqualTo(RelationKind.MANY_TO_ONE);
            assertThat(relation(spec, "Loan", "Member"))
                    .hasValueSatisfying(r -> assertThat(r.from()).isEqualTo("Loan"));
        }

        @Test
        void aRecordNamedByItsHeadNounJoinsToo() {
            ServiceSpec spec = spec("Students take exams; an exam result stores the score and the exam date.");
            assertThat(relation(spec, "Student", "Exam")).isEmpty();
            assertThat(kind(spec, "ExamResult", "Student")).isEqualTo(RelationKind.MANY_TO_ONE);
            assertThat(kind(spec, "ExamResult", "Exam")).isEqualTo(RelationKind.MANY_TO_ONE);
        }

        @Test
        void perChainsMakeAJoinEntityWithAQuantity() {
            ServiceSpec spec = spec(
                    "Track stock per product per warehouse. Products have a name; warehouses have a" + " location.");
            assertThat(entity(spec, "Stock").fields()).isNotEmpty();
            assertThat(field(spec, "Stock", "quantity").type()).isEqualTo(FieldType.INT);
            assertThat(relation(spec, "Stock", "Product")).hasValueSatisfying(r -> {
                assertThat(r.from()).isEqualTo("Stock");
                assertThat(r.kind()).isEqualTo(RelationKind.MANY_TO_ONE);
            });
            assertThat(kind(spec, "Stock", "Warehouse")).isEqualTo(RelationKind.MANY_TO_ONE);
        }

        @Test
        void passivesWithByPointAtTheAgent() {
            ServiceSpec spec = spec("Bugs have a title. A bug is reported by a user.");
            assertThat(relation(spec, "Bug", "User"))
                    .hasValueSatisfying(r -> assertThat(r.from()).isEqualTo("Bug"));
        }

        @Test
        void theyStandsForThePreviousSubject() {
            ServiceSpec spec = spec("Users have an email; they write notes with a title.");
            assertThat(kind(spec, "Note", "User")).isEqualTo(RelationKind.MANY_TO_ONE);
        }
    }
}
