package dev.kiln.codegen.contributor.entity;

import static dev.kiln.codegen.TestSpecs.compact;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.codegen.GeneratedProject;
import dev.kiln.codegen.TestSpecs;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class JpaEntityContributorTests {
    private static final String MAIN = "src/main/java/com/example/blog/";
    private static final GeneratedProject BLOG = TestSpecs.contribute(new JpaEntityContributor(), TestSpecs.blog());
    private static final String POST = compact(BLOG.text(MAIN + "post/Post.java"));

    @Nested
    class Post {
        @Test
        void isAnEntityMappedToItsTable() {
            assertThat(POST).contains("@Entity @Table(name = \"posts\") public class Post {");
        }

        @Test
        void hasAnOptimisticLockVersion() {
            assertThat(POST).contains("@Version private long version;").contains("public long getVersion()");
        }

        @Test
        void requiredManyToOneIsLazyAndNotOptional() {
            assertThat(POST)
                    .contains("@ManyToOne(fetch = FetchType.LAZY, optional = false)"
                            + " @JoinColumn(name = \"author_id\", nullable = false) private Author author;");
        }

        @Test
        void manyToManyUsesTheJoinTableOfTheMigration() {
            assertThat(POST)
                    .contains("@ManyToMany @JoinTable(name = \"post_tags\","
                            + " joinColumns = @JoinColumn(name = \"post_id\"),"
                            + " inverseJoinColumns = @JoinColumn(name = \"tag_id\"))"
                            + " private Set<Tag> tags = new LinkedHashSet<>();");
        }

        @Test
        void enumFieldIsStoredByNameWithItsDefault() {
            assertThat(POST)
                    .contains("@Enumerated(EnumType.STRING) @Column(name = \"status\", nullable = false, length = 16)"
                            + " private PostStatus status = PostStatus.DRAFT;");
            assertThat(compact(BLOG.text(MAIN + "post/PostStatus.java")))
                    .contains("public enum PostStatus { DRAFT, PUBLISHED, ARCHIVED }");
        }

        @Test
        void jsonFieldGoesThroughTheConverter() {
            assertThat(POST)
                    .contains("@Convert(converter = JsonNodeConverter.class)"
                            + " @Column(name = \"metadata\", columnDefinition = \"text\") private JsonNode metadata;");
        }
    }

    @Nested
    class Relations {
        @Test
        void optionalManyToOneIsOptionalAndNullable() {
            GeneratedProject project = TestSpecs.contribute(new JpaEntityContributor(), TestSpecs.yaml("""
                    kiln: 1
                    name: shop
                    package: com.example.shop
                    entities:
                      - { name: Customer, fields: [] }
                      - { name: Invoice, fields: [] }
                    relations:
                      - { from: Invoice, to: Customer, kind: many-to-one, onDelete: set-null }
                    """));

            assertThat(compact(project.text("src/main/java/com/example/shop/invoice/Invoice.java")))
                    .contains("@ManyToOne(fetch = FetchType.LAZY, optional = true)"
                            + " @JoinColumn(name = \"customer_id\") private Customer customer;");
        }

        @Test
        void oneToOneIsLazyAndUnique() {
            assertThat(compact(BLOG.text(MAIN + "profile/Profile.java")))
                    .contains("@OneToOne(fetch = FetchType.LAZY, optional = false)"
                            + " @JoinColumn(name = \"author_id\", nullable = false, unique = true)"
                            + " private Author author;");
        }
    }

    @Nested
    class Names {
        @Test
        void orderEntityKeepsItsNameAndMapsTheKeywordColumn() {
            String order = compact(BLOG.text(MAIN + "order/Order.java"));

            assertThat(order)
                    .contains("@Table(name = \"orders\") public class Order {")
                    .contains("@Column(name = \"from_\", nullable = false, length = 120) private String from;");
        }

        @Test
        void entityNamedLikeAnImportedTypeGetsAnEntitySuffix() {
            GeneratedProject project = TestSpecs.contribute(new JpaEntityContributor(), TestSpecs.yaml("""
                    kiln: 1
                    name: site
                    package: com.example.site
                    entities:
                      - name: Page
                        fields:
                          - { name: class, type: string }
                      - name: String
                        fields:
                          - { name: label, type: string }
                    relations:
                      - { from: Page, to: String, kind: many-to-one }
                    """));

            assertThat(project.paths())
                    .contains(
                            "src/main/java/com/example/site/page/PageEntity.java",
                            "src/main/java/com/example/site/page/PageRepository.java",
                            "src/main/java/com/example/site/string/StringEntity.java",
                            "src/main/java/com/example/site/string/StringRepository.java")
                    .doesNotContain(
                            "src/main/java/com/example/site/page/Page.java",
                            "src/main/java/com/example/site/string/String.java");
            String page = compact(project.text("src/main/java/com/example/site/page/PageEntity.java"));
            assertThat(page)
                    .contains("public class PageEntity {")
                    .contains("private String classValue;")
                    .contains("public String getClassValue()")
                    .contains("private StringEntity string;");
        }
    }
}
