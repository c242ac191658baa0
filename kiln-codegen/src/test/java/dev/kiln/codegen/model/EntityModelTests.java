package dev.kiln.codegen.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.codegen.TestSpecs;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EntityModelTests {
    private static final ServiceModel MODEL = ServiceModel.of(TestSpecs.yaml("""
                    kiln: 1
                    name: names
                    package: com.example.names
                    entities:
                      - name: Page
                        fields:
                          - { name: class, type: string }
                          - { name: from, type: int }
                      - name: String
                        fields: []
                      - name: Post
                        fields: []
                      - name: Order
                        fields: []
                      - name: Value
                        fields: []
                      - name: Event
                        plural: user
                        fields: []
                      - name: Default
                        fields: []
                    """), TestSpecs.VERSION);

    @Nested
    class ClassNames {
        @Test
        void entityNamedLikeATypeTheGeneratedCodeImportsGetsAnEntitySuffix() {
            assertThat(MODEL.entity("Page").simpleName()).isEqualTo("PageEntity");
            assertThat(MODEL.entity("String").simpleName()).isEqualTo("StringEntity");
            assertThat(MODEL.entity("Page").entityType().canonicalName())
                    .isEqualTo("com.example.names.page.PageEntity");
        }

        @Test
        void otherEntitiesKeepTheirSpecName() {
            assertThat(MODEL.entity("Post").simpleName()).isEqualTo("Post");
            assertThat(MODEL.entity("Order").simpleName()).isEqualTo("Order");
        }

        @Test
        void theSuffixAppliesOnlyToTheEntityClassNotItsCompanions() {
            assertThat(MODEL.entity("Page").type("Repository").simpleName()).isEqualTo("PageRepository");
            assertThat(MODEL.entity("String").type("Service").simpleName()).isEqualTo("StringService");
        }

        @Test
        void packageNamedAfterAJavaKeywordGetsAnUnderscore() {
            assertThat(MODEL.entity("Default").packageName()).isEqualTo("com.example.names.default_");
            assertThat(MODEL.entity("Default").variable()).isEqualTo("defaultValue");
        }
    }

    @Nested
    class Tables {
        @Test
        void tableIsTheSnakeCasePlural() {
            assertThat(MODEL.entity("Post").table()).isEqualTo("posts");
            assertThat(MODEL.entity("Order").table()).isEqualTo("orders");
        }

        @Test
        void tableNamedLikeAnSqlKeywordGetsATrailingUnderscore() {
            assertThat(MODEL.entity("Value").table()).isEqualTo("values_");
            assertThat(MODEL.entity("Event").table()).isEqualTo("user_");
        }

        @Test
        void urlPathKeepsTheUnescapedPlural() {
            assertThat(MODEL.entity("Value").path()).isEqualTo("values");
            assertThat(MODEL.entity("Event").path()).isEqualTo("user");
        }
    }

    @Nested
    class Fields {
        @Test
        void fieldNamedLikeAJavaKeywordGetsAValueSuffixButKeepsItsJsonName() {
            FieldModel field = MODEL.entity("Page").fields().get(0);

            assertThat(field.javaName()).isEqualTo("classValue");
            assertThat(field.jsonName()).isEqualTo("class");
            assertThat(field.capitalized()).isEqualTo("ClassValue");
        }

        @Test
        void columnNamedLikeAnSqlKeywordGetsATrailingUnderscore() {
            FieldModel field = MODEL.entity("Page").fields().get(1);

            assertThat(field.column()).isEqualTo("from_");
            assertThat(field.javaName()).isEqualTo("from");
        }
    }
}
