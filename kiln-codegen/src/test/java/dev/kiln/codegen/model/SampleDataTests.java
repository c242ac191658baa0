package dev.kiln.codegen.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.codegen.TestSpecs;
import dev.kiln.spec.Field;
import dev.kiln.spec.FieldType;
import dev.kiln.spec.KilnException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SampleDataTests {
    private static final ServiceModel BLOG = ServiceModel.of(TestSpecs.blog(), TestSpecs.VERSION);

    /** Small and large variants, around the wrap-arounds of dates (28), seconds (60) and digit counts. */
    private static final int[] VARIANTS = {0, 1, 2, 7, 9, 10, 27, 28, 59, 60, 99, 100, 1234, 99_999};

    /** Variants the generated tests use: a counter from 1, up to five digits. */
    private static final int[] TEMPLATE_VARIANTS = {1, 2, 9, 10, 99, 100, 12_345, 99_999};

    private static final String FIXED_SHAPE = "^\\d{3}-[A-Z]{2}$";

    static Stream<Arguments> blogFields() {
        return BLOG.entities().stream()
                .flatMap(entity -> entity.fields().stream()
                        .map(field -> Arguments.of(entity.spec().name() + "." + field.jsonName(), field.spec())));
    }

    static Stream<Arguments> templatedFields() {
        return Stream.of(
                Arguments.of("blog slug", text(FieldType.STRING, "^[a-z0-9-]+$", null, null)),
                Arguments.of("upper then digits", text(FieldType.STRING, "^[A-Z]+[0-9]+$", null, null)),
                Arguments.of("lower then digits", text(FieldType.STRING, "^[a-z]+\\d+$", null, null)),
                Arguments.of("digits only", text(FieldType.STRING, "^\\d+$", null, 10)),
                Arguments.of("short string", text(FieldType.STRING, null, null, 8)),
                Arguments.of("text", text(FieldType.TEXT, null, null, null)),
                Arguments.of("email", text(FieldType.EMAIL, null, null, 40)),
                Arguments.of("url", text(FieldType.URL, null, null, null)),
                Arguments.of("fixed length 13", text(FieldType.STRING, null, 13, 13)));
    }

    @Nested
    class Value {
        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.kiln.codegen.model.SampleDataTests#blogFields")
        void everyValueForTheBlogExampleSatisfiesTheFieldsConstraints(String name, Field field) {
            for (int variant : VARIANTS) {
                Object value = SampleData.value(field, variant);

                assertThat(FieldConstraints.violations(field, value))
                        .as("%s, variant %d: %s", name, variant, value)
                        .isEmpty();
            }
        }

        @Test
        void payloadHasAValidValueForEveryFieldInSpecOrder() {
            EntityModel post = BLOG.entity("Post");

            Map<String, Object> payload = SampleData.payload(post, 3);

            assertThat(payload.keySet())
                    .containsExactlyElementsOf(
                            post.fields().stream().map(FieldModel::jsonName).toList());
            for (FieldModel field : post.fields()) {
                assertThat(FieldConstraints.violations(field.spec(), payload.get(field.jsonName())))
                        .as(field.jsonName())
                        .isEmpty();
            }
        }

        @Test
        void valuesOfUniqueFieldsDifferBetweenVariants() {
            List<Field> unique = BLOG.entities().stream()
                    .flatMap(e -> e.fields().stream())
                    .map(FieldModel::spec)
                    .filter(Field::unique)
                    .toList();
            assertThat(unique).extracting(Field::name).containsExactly("email", "slug", "label");

            for (Field field : unique) {
                Set<Object> values = new HashSet<>();
                IntStream.range(0, 50).forEach(variant -> values.add(SampleData.value(field, variant)));

                assertThat(values).as(field.name()).hasSize(50);
            }
        }

        @Test
        void integerWithOnlyANonPositiveMaxStaysAtOrBelowIt() {
            for (String max : List.of("0", "-5")) {
                Field field = number(FieldType.INT, null, max);
                for (int variant : VARIANTS) {
                    Object value = SampleData.value(field, variant);

                    assertThat(FieldConstraints.violations(field, value))
                            .as("max %s, variant %d: %s", max, variant, value)
                            .isEmpty();
                }
            }
        }

        @Test
        void integerAndLongValuesHaveTheirJavaType() {
            assertThat(SampleData.value(number(FieldType.INT, "1", "5"), 3)).isEqualTo(4);
            assertThat(SampleData.value(number(FieldType.LONG, "0", null), 3)).isEqualTo(3L);
        }

        @Test
        void decimalIsClampedToTheDigitsThePrecisionAllows() {
            Field field = new Field(
                    "ratio", FieldType.DECIMAL, true, false, null, null, null, null, null, null, 3, 2, List.of(), null);

            assertThat(SampleData.value(field, 42)).isEqualTo(new BigDecimal("9.00"));
        }

        @Test
        void patternThatNoCandidateSatisfiesFailsNamingTheFieldAndPattern() {
            Field field = text(FieldType.STRING, FIXED_SHAPE, null, null);

            assertThatThrownBy(() -> SampleData.value(field, 0))
                    .isInstanceOf(KilnException.class)
                    .hasMessageContaining("'code'")
                    .hasMessageContaining(FIXED_SHAPE);
        }
    }

    @Nested
    class InvalidValue {
        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.kiln.codegen.model.SampleDataTests#blogFields")
        void everyInvalidValueForTheBlogExampleViolatesTheFieldsConstraints(String name, Field field) {
            Object invalid = SampleData.invalidValue(field);

            if (invalid != null) {
                assertThat(FieldConstraints.violations(field, invalid))
                        .as("%s: %s", name, invalid)
                        .isNotEmpty();
            }
        }

        @Test
        void onlyJsonAndUnboundedOptionalTextHaveNoInvalidValue() {
            List<String> withoutInvalid = new ArrayList<>();
            for (EntityModel entity : BLOG.entities()) {
                for (FieldModel field : entity.fields()) {
                    if (SampleData.invalidValue(field.spec()) == null) {
                        withoutInvalid.add(entity.spec().name() + "." + field.jsonName());
                    }
                }
            }

            assertThat(withoutInvalid).containsExactly("Author.bio", "Post.body", "Post.metadata");
        }

        @Test
        void requiredTextWithADefaultGetsAValueTheApiRejects() {
            // The request record has no @NotBlank here (the default fills in an absent value), so "" is
            // accepted and cannot serve as the invalid value.
            Field field = new Field(
                    "nickname",
                    FieldType.STRING,
                    true,
                    false,
                    null,
                    null,
                    null,
                    20,
                    null,
                    "anonymous",
                    null,
                    null,
                    List.of(),
                    null);

            Object invalid = SampleData.invalidValue(field);

            assertThat(invalid).isNotNull();
            assertThat(FieldConstraints.violations(field, invalid)).isNotEmpty();
        }

        @Test
        void requiredTextWithoutADefaultIsInvalidWhenEmpty() {
            assertThat(SampleData.invalidValue(
                            text(FieldType.STRING, null, null, 10).withRequired(true)))
                    .isEqualTo("");
        }
    }

    @Nested
    class TextTemplate {
        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.kiln.codegen.model.SampleDataTests#templatedFields")
        void templateGivesDistinctValidValuesForEveryVariantUpToFiveDigits(String name, Field field) {
            Optional<String> template = SampleData.textTemplate(field);

            assertThat(template).as(name).isPresent();
            Set<String> values = new HashSet<>();
            for (int variant : TEMPLATE_VARIANTS) {
                String value = String.format(Locale.ROOT, template.orElseThrow(), variant);
                assertThat(FieldConstraints.violations(field, value))
                        .as("%s, template %s, variant %d", name, template.get(), variant)
                        .isEmpty();
                values.add(value);
            }
            assertThat(values).hasSize(TEMPLATE_VARIANTS.length);
        }

        @Test
        void blogSlugTemplateIsTheFirstCandidateItsPatternAccepts() {
            Field slug = BLOG.entity("Post").fields().get(1).spec();

            assertThat(SampleData.textTemplate(slug)).contains("sample-%d");
        }

        @Test
        void unconstrainedStringPrefersItsOwnName() {
            assertThat(SampleData.textTemplate(text(FieldType.STRING, null, null, null)))
                    .contains("code %d");
        }

        @Test
        void patternWithAFixedShapeHasNoTemplate() {
            assertThat(SampleData.textTemplate(text(FieldType.STRING, FIXED_SHAPE, null, null)))
                    .isEmpty();
        }

        @Test
        void patternOfLettersOnlyHasNoTemplate() {
            assertThat(SampleData.textTemplate(text(FieldType.STRING, "^[a-z]+$", null, null)))
                    .isEmpty();
        }
    }

    private static Field text(
            FieldType type, @Nullable String pattern, @Nullable Integer minLength, @Nullable Integer maxLength) {
        return new Field(
                "code", type, false, false, null, null, minLength, maxLength, pattern, null, null, null, List.of(),
                null);
    }

    private static Field number(FieldType type, @Nullable String min, @Nullable String max) {
        return new Field(
                "amount",
                type,
                true,
                false,
                min == null ? null : new BigDecimal(min),
                max == null ? null : new BigDecimal(max),
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                null);
    }
}
