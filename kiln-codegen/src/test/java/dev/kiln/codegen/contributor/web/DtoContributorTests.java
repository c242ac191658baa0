package dev.kiln.codegen.contributor.web;

import static dev.kiln.codegen.TestSpecs.compact;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.codegen.GeneratedProject;
import dev.kiln.codegen.TestSpecs;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DtoContributorTests {
    private static final String DIR = "src/main/java/com/example/school/lesson/";

    private static final GeneratedProject SCHOOL = TestSpecs.contribute(new DtoContributor(), TestSpecs.yaml("""
            kiln: 1
            name: school
            package: com.example.school
            entities:
              - name: Lesson
                fields:
                  - { name: class, type: string, required: true, maxLength: 20 }
                  - { name: topic, type: string }
            """));

    @Nested
    class JavaKeywordFields {
        @Test
        void requestUsesAJavaNameAndKeepsTheJsonName() {
            assertThat(compact(SCHOOL.text(DIR + "LessonRequest.java")))
                    .contains("import com.fasterxml.jackson.annotation.JsonProperty;")
                    .contains("public record LessonRequest(@NotBlank @Size(max = 20) @JsonProperty(\"class\")"
                            + " String classValue, @Size(max = 255) String topic)")
                    .contains("lesson.getClassValue()");
        }

        @Test
        void responseUsesAJavaNameAndKeepsTheJsonName() {
            assertThat(compact(SCHOOL.text(DIR + "LessonResponse.java")))
                    .contains("public record LessonResponse(Long id, @JsonProperty(\"class\") String classValue,"
                            + " String topic,");
        }

        @Test
        void onlyRenamedFieldsCarryJsonProperty() {
            assertThat(SCHOOL.text(DIR + "LessonResponse.java")).containsOnlyOnce("@JsonProperty");
        }

        @Test
        void filterSortsByTheJsonNameButTakesNoKeywordQueryParameter() {
            String filter = compact(SCHOOL.text(DIR + "LessonFilter.java"));

            assertThat(filter)
                    .contains("Map.entry(\"class\", \"classValue\")")
                    .contains("public record LessonFilter(@Size(max = 1000) String topic)");
        }
    }

    @Nested
    class Blog {
        private static final GeneratedProject BLOG = TestSpecs.contribute(new DtoContributor(), TestSpecs.blog());

        @Test
        void requestCarriesTheSpecsConstraintsAndRelationIds() {
            String request = compact(BLOG.text("src/main/java/com/example/blog/post/PostRequest.java"));

            assertThat(request)
                    .contains("@NotBlank @Size(min = 1, max = 200) String title")
                    .contains("@NotBlank @Size(max = 255) @Pattern(regexp = \"^[a-z0-9-]+$\") String slug")
                    .contains("PostStatus status")
                    .doesNotContain("@NotNull PostStatus status")
                    .contains("@Min(1L) @Max(5L) Integer rating")
                    .contains("@NotNull Long authorId")
                    .contains("@Size(max = 1000) Set<@NotNull Long> tagIds");
        }

        @Test
        void decimalRequestFieldLimitsDigits() {
            assertThat(compact(BLOG.text("src/main/java/com/example/blog/order/OrderRequest.java")))
                    .contains("@NotNull @DecimalMin(\"0\") @Digits(integer = 8, fraction = 2) BigDecimal total");
        }
    }
}
