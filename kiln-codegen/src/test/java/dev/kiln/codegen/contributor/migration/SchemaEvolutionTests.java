package dev.kiln.codegen.contributor.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.codegen.TestSpecs;
import dev.kiln.codegen.model.ServiceModel;
import dev.kiln.spec.KilnException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The SQL that a spec change becomes; {@code SchemaEvolutionIT} applies it to databases with data. */
class SchemaEvolutionTests {
    static final String BASE = """
            kiln: 1
            name: shop
            package: com.example.shop
            entities:
              - name: Customer
                fields:
                  - { name: name, type: string, required: true, maxLength: 100 }
                  - { name: email, type: email, unique: true }
              - name: Product
                fields:
                  - { name: title, type: string, required: true, maxLength: 80 }
                  - { name: price, type: decimal, precision: 10, scale: 2 }
                  - { name: stock, type: int }
            """;

    static String spec(String extraEntities, String relations) {
        return BASE + extraEntities + (relations.isEmpty() ? "" : "relations:\n" + relations);
    }

    static SchemaEvolution.Migration migrate(String before, String after, boolean destructive) {
        return SchemaEvolution.between(model(before), model(after), destructive);
    }

    static ServiceModel model(String yaml) {
        return ServiceModel.of(TestSpecs.yaml(yaml), TestSpecs.VERSION);
    }

    @Test
    void anUnchangedSpecNeedsNoMigration() {
        assertThat(migrate(BASE, BASE, false).empty()).isTrue();
        assertThat(migrate(BASE, BASE, false).sql()).isEmpty();
    }

    @Test
    void aNewOptionalFieldIsAnAddedColumn() {
        SchemaEvolution.Migration m = migrate(
                BASE,
                BASE.replace(
                        "      - { name: stock, type: int }",
                        "      - { name: stock, type: int }\n" + "      - { name: sku, type: string, maxLength: 20 }"),
                false);

        assertThat(m.changes()).containsExactly("add column products.sku");
        assertThat(m.sql()).contains("alter table products add column sku varchar(20);\n");
        assertThat(SchemaEvolution.description(m)).isEqualTo("kiln_add_column_products_sku");
    }

    @Test
    void aNewRequiredFieldNeedsADefaultAndThenFillsExistingRows() {
        String withoutDefault = BASE.replace(
                "      - { name: stock, type: int }",
                "      - { name: stock, type: int }\n      - { name: active, type: boolean, required: true }");
        assertThatThrownBy(() -> migrate(BASE, withoutDefault, true))
                .isInstanceOf(KilnException.class)
                .hasMessageContaining("new required column products.active has no default")
                .hasMessageContaining("give the field a `default`");

        SchemaEvolution.Migration m =
                migrate(BASE, withoutDefault.replace("required: true }", "required: true, default: \"true\" }"), false);
        assertThat(m.sql()).contains("alter table products add column active boolean default true not null;");
    }

    @Test
    void droppingAFieldIsRefusedUnlessAllowedAndThenSaysWhatItDestroys() {
        String without = BASE.replace("      - { name: stock, type: int }\n", "");

        assertThatThrownBy(() -> migrate(BASE, without, false))
                .isInstanceOf(KilnException.class)
                .hasMessageContaining("dropping column products.stock deletes its values")
                .hasMessageContaining("--allow-destructive");
        SchemaEvolution.Migration m = migrate(BASE, without, true);
        assertThat(m.sql()).contains("-- DESTROYS DATA").contains("alter table products drop column stock;");
        assertThat(m.destructive()).hasSize(1);
    }

    @Test
    void wideningATypeIsSafeAndNarrowingIsDestructive() {
        SchemaEvolution.Migration wider =
                migrate(BASE, BASE.replace("{ name: stock, type: int }", "{ name: stock, type: long }"), false);
        assertThat(wider.sql()).contains("alter table products alter column stock set data type bigint;");
        assertThat(wider.destructive()).isEmpty();

        SchemaEvolution.Migration longer = migrate(BASE, BASE.replace("maxLength: 80", "maxLength: 200"), false);
        assertThat(longer.sql()).contains("alter table products alter column title set data type varchar(200);");

        assertThatThrownBy(() -> migrate(BASE, BASE.replace("maxLength: 80", "maxLength: 20"), false))
                .hasMessageContaining("changing products.title from varchar(80) to varchar(20)");
    }

    @Test
    void anOptionalFieldBecomingRequiredBackfillsItsDefault() {
        SchemaEvolution.Migration m = migrate(
                BASE,
                BASE.replace(
                        "{ name: stock, type: int }", "{ name: stock, type: int, required: true, default: \"0\" }"),
                false);

        assertThat(m.sql())
                .containsSubsequence(
                        "alter table products alter column stock set default 0;",
                        "update products set stock = 0 where stock is null;",
                        "alter table products alter column stock set not null;");
    }

    @Test
    void aNewEntityAndRelationsCreateTablesColumnsAndForeignKeys() {
        String after = spec("""
                  - name: Review
                    fields:
                      - { name: stars, type: int, required: true, min: 1, max: 5 }
                  - name: Tag
                    fields:
                      - { name: label, type: string, required: true, unique: true }
                """, """
                  - { from: Review, to: Product, kind: many-to-one, required: true }
                  - { from: Product, to: Tag, kind: many-to-many }
                """);

        SchemaEvolution.Migration m = migrate(BASE, after, false);

        assertThat(m.changes())
                .contains("create table reviews", "create table tags", "add foreign key fk_reviews_product_id")
                .anyMatch(change -> change.startsWith("create table products_tags")
                        || change.startsWith("create table product_tag"));
        assertThat(m.sql()).contains("create table reviews (").contains("references products (id)");
        assertThat(SchemaEvolution.description(m)).isEqualTo("kiln_schema_update");
    }

    @Test
    void aNewUniqueConstraintOrIndexIsAdded() {
        SchemaEvolution.Migration m = migrate(
                BASE,
                BASE.replace(
                        "{ name: title, type: string, required: true",
                        "{ name: title, type: string, required: true, unique: true"),
                false);

        assertThat(m.sql()).contains("alter table products add constraint uk_products_title unique (title);");
    }

    @Test
    void droppingAnEntityIsDestructive() {
        String without = BASE.substring(0, BASE.indexOf("  - name: Product"));

        assertThatThrownBy(() -> migrate(BASE, without, false)).hasMessageContaining("dropping table products");
        assertThat(migrate(BASE, without, true).sql()).contains("drop table products;");
    }

    static final String RELATED = spec("""
              - name: Review
                fields:
                  - { name: stars, type: int, required: true, min: 1, max: 5 }
                  - { name: body, type: text }
                indexes:
                  - fields: [stars]
            """, """
              - { from: Review, to: Product, kind: many-to-one, required: true }
              - { from: Product, to: Customer, kind: many-to-many }
            """);

    @Nested
    class Renames {
        @Test
        void aRenamedFieldIsARenamedColumnNotADropAndAnAdd() {
            SchemaEvolution.Migration m = migrate(
                    BASE,
                    BASE.replace("{ name: stock, type: int }", "{ name: quantity, renamedFrom: stock, type: int }"),
                    false);

            assertThat(m.changes()).containsExactly("rename column products.stock to quantity");
            assertThat(m.destructive()).isEmpty();
            assertThat(m.sql()).contains("\nalter table products rename column stock to quantity;\n");
            assertThat(m.sql()).doesNotContain("drop").doesNotContain("add column");
            assertThat(SchemaEvolution.description(m)).isEqualTo("kiln_rename_column_products_stock_to_quantity");
        }

        @Test
        void aRenamedUniqueOrIndexedFieldRenamesItsConstraintAndIndexToo() {
            SchemaEvolution.Migration m = migrate(
                    RELATED,
                    RELATED.replace(
                                    "{ name: email, type: email, unique: true }",
                                    "{ name: mail, renamedFrom: email, type: email, unique: true }")
                            .replace("{ name: stars, type: int,", "{ name: rating, renamedFrom: stars, type: int,")
                            .replace("fields: [stars]", "fields: [rating]"),
                    false);

            assertThat(m.sql())
                    .containsSubsequence(
                            "alter table customers rename column email to mail;",
                            "alter table customers rename constraint uk_customers_email to uk_customers_mail;",
                            "alter table reviews rename column stars to rating;",
                            "alter table reviews rename constraint ck_reviews_stars_min to ck_reviews_rating_min;",
                            "alter table reviews rename constraint ck_reviews_stars_max to ck_reviews_rating_max;",
                            "alter index ix_reviews_stars rename to ix_reviews_rating;");
            assertThat(m.sql()).doesNotContain("drop ").doesNotContain(" add ");
        }

        @Test
        void aRenamedEntityRenamesItsTableForeignKeysJoinTableAndTheirNames() {
            String after = RELATED.replace("  - name: Product\n", "  - name: Item\n    renamedFrom: Product\n")
                    .replace("to: Product,", "to: Item,")
                    .replace("from: Product,", "from: Item,");

            SchemaEvolution.Migration m = migrate(RELATED, after, false);

            assertThat(m.destructive()).isEmpty();
            assertThat(m.sql())
                    .doesNotContain("drop ")
                    .doesNotContain("create table")
                    .doesNotContain(" add ");
            assertThat(m.changes())
                    .containsExactly(
                            "rename table products to items",
                            "rename table product_customers to item_customers",
                            "rename column reviews.product_id to item_id",
                            "rename index ix_reviews_product_id to ix_reviews_item_id",
                            "rename column item_customers.product_id to item_id",
                            "rename constraint pk_product_customers to pk_item_customers",
                            "rename constraint fk_product_customers_product_id to fk_item_customers_item_id",
                            "rename constraint fk_product_customers_customer_id to fk_item_customers_customer_id",
                            "rename index ix_product_customers_customer_id to ix_item_customers_customer_id",
                            "rename constraint fk_reviews_product_id to fk_reviews_item_id");
            assertThat(m.sql())
                    .contains("alter table products rename to items;")
                    .contains("alter table reviews rename constraint fk_reviews_product_id to fk_reviews_item_id;");
        }

        @Test
        void aRenameTogetherWithAnotherChangeRenamesFirstThenChanges() {
            SchemaEvolution.Migration m = migrate(
                    BASE,
                    BASE.replace("{ name: stock, type: int }", "{ name: quantity, renamedFrom: stock, type: long }"),
                    false);

            assertThat(m.sql())
                    .containsSubsequence(
                            "alter table products rename column stock to quantity;",
                            "alter table products alter column quantity set data type bigint;");
            assertThat(m.destructive()).isEmpty();
        }

        @Test
        void aRenameWhoseOldNameIsNotInTheRecordedSpecIsIgnored() {
            String applied =
                    BASE.replace("{ name: stock, type: int }", "{ name: quantity, renamedFrom: stock, type: int }");
            String entityApplied = BASE.replace("  - name: Product\n", "  - name: Product\n    renamedFrom: Item\n");

            assertThat(migrate(applied, applied, false).empty()).isTrue();
            assertThat(migrate(BASE, entityApplied, false).empty()).isTrue();
        }

        @Test
        void aRenameToANameTheRecordedSpecAlreadyHasIsNotARename() {
            String before = BASE.replace(
                    "{ name: stock, type: int }", "{ name: stock, type: int }\n      - { name: quantity, type: int }");
            String after =
                    BASE.replace("{ name: stock, type: int }", "{ name: quantity, renamedFrom: stock, type: int }");

            assertThatThrownBy(() -> migrate(before, after, false))
                    .hasMessageContaining("dropping column products.stock deletes its values");
        }
    }

    @Test
    void wideningRules() {
        assertThat(SchemaEvolution.widens("varchar(10)", "text")).isTrue();
        assertThat(SchemaEvolution.widens("text", "varchar(10)")).isFalse();
        assertThat(SchemaEvolution.widens("numeric(10, 2)", "numeric(12, 2)")).isTrue();
        assertThat(SchemaEvolution.widens("numeric(10, 2)", "numeric(10, 4)")).isFalse();
        assertThat(SchemaEvolution.widens("integer", "numeric(12, 2)")).isTrue();
        assertThat(SchemaEvolution.widens("bigint", "integer")).isFalse();
    }
}
