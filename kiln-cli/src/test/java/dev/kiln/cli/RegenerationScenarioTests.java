package dev.kiln.cli;

import static dev.kiln.cli.RegenerationScenarios.absent;
import static dev.kiln.cli.RegenerationScenarios.contains;
import static dev.kiln.cli.RegenerationScenarios.err;
import static dev.kiln.cli.RegenerationScenarios.lacks;
import static dev.kiln.cli.RegenerationScenarios.migrations;
import static dev.kiln.cli.RegenerationScenarios.out;
import static dev.kiln.cli.RegenerationScenarios.scenario;
import static dev.kiln.cli.RegenerationScenarios.unchanged;
import static dev.kiln.cli.RegenerationScenarios.untouched;

import dev.kiln.cli.RegenerationScenarios.Scenario;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Regeneration, scenario by scenario: each row generates {@link RegenerationScenarios#SHOP}, lets "the user"
 * edit, add or delete files, changes the spec, runs {@code kiln generate} again and expects an exact outcome:
 * the exit code, every file the plan lists with its action, and the contents that matter (migrations, merged
 * edits, conflict markers, files left alone).
 */
class RegenerationScenarioTests {
    static final String STOCK = "      - { name: stock, type: int }";
    static final String SKU = STOCK + "\n      - { name: sku, type: string, maxLength: 20 }";
    static final String QUANTITY = "      - { name: quantity, renamedFrom: stock, type: int }";
    static final String SERVICE = "M/product/ProductService.java";
    static final String CUSTOMIZER = "M/product/ProductServiceCustomizer.java";
    static final String API_TEST = "T/product/ProductApiTest.java";
    static final String GET = "        return ProductResponse.from(find(id));";
    static final String MY_GET = "        return ProductResponse.from(find(id)); // mine: cached later";
    static final String SET_STOCK = "        product.setStock(request.stock());";
    static final String HOOK = "    public void beforeCreate(Product product) {\n";
    static final String MY_HOOK = HOOK + "        product.setTitle(product.getTitle().strip()); // mine\n";
    static final String REVIEW = """
              - name: Review
                fields:
                  - { name: stars, type: int, required: true, min: 1, max: 5 }
            """;
    static final String ITEM = "  - name: Item\n    renamedFrom: Product\n";

    /** The table: one row per scenario. */
    static List<Scenario> scenarios() {
        return Stream.of(unchangedSpec(), fieldChanges(), renames(), entitiesAndRelations(), extensionPoints())
                .flatMap(List::stream)
                .toList();
    }

    private static List<Scenario> unchangedSpec() {
        return List.of(
                scenario("unchanged spec: nothing is written, every mtime stays")
                        .then(untouched())
                        .then(out("nothing to change"))
                        .plan(""),
                scenario("user edited a method body, unchanged spec: the edit stays")
                        .given(p -> p.edit(SERVICE, GET, MY_GET))
                        .then(untouched())
                        .plan("keep edit M/product/ProductService.java"),
                scenario("user added a file: never considered")
                        .given(p -> p.write("M/product/ProductRules.java", "// mine\n"))
                        .then(untouched())
                        .plan(""),
                scenario("user deleted a generated test: it stays deleted")
                        .given(p -> p.delete(API_TEST))
                        .then(untouched())
                        .then(absent(API_TEST))
                        .plan("keep deleted T/product/ProductApiTest.java"),
                scenario("--restore brings a deleted generated test back")
                        .given(p -> p.delete(API_TEST))
                        .flags("--restore")
                        .then(contains(API_TEST, "class ProductApiTest"))
                        .plan("restore T/product/ProductApiTest.java"),
                scenario("user edited V1__init.sql: a versioned migration is never rewritten")
                        .given(p ->
                                p.edit("DB/V1__init.sql", "create table products", "-- mine\ncreate table products"))
                        .spec(s -> s.replace(STOCK, SKU))
                        .then(unchanged("DB/V1__init.sql"))
                        .then(migrations("V1__init.sql", "V2__kiln_add_column_products_sku.sql"))
                        .plan(ADD_SKU),
                scenario("missing manifest: refused with how to recover, exit 2")
                        .given(p -> p.delete(".kiln/manifest.json"))
                        .spec(s -> s.replace(STOCK, SKU))
                        .exit(ExitCodes.BAD_INPUT)
                        .then(untouched())
                        .then(err("manifest.json is missing", "version control"))
                        .plan(""));
    }

    /**
     * The plan of a change to one of Product's fields in an untouched project: its entity, DTOs, filter,
     * service, README and tests follow, and the migration is new.
     *
     * @param migration the new migration's file name
     * @return the plan
     */
    static String fieldPlan(String migration) {
        return """
                update .kiln/manifest.json
                update .kiln/spec.yaml
                update README.md
                update M/product/Product.java
                update M/product/ProductFilter.java
                update M/product/ProductRequest.java
                update M/product/ProductResponse.java
                update M/product/ProductService.java
                add DB/%s
                update T/FuzzApiTest.java
                update T/PostgresIT.java
                update T/TestData.java
                update T/product/ProductApiTest.java
                """.formatted(migration);
    }

    /** The plan of adding an optional {@code sku} to Product in an untouched project. */
    static final String ADD_SKU = fieldPlan("V2__kiln_add_column_products_sku.sql");

    private static List<Scenario> fieldChanges() {
        return List.of(
                scenario("new optional field: generated files updated, V2 adds the column")
                        .spec(s -> s.replace(STOCK, SKU))
                        .then(migrations("V1__init.sql", "V2__kiln_add_column_products_sku.sql"))
                        .then(contains(
                                "DB/V2__kiln_add_column_products_sku.sql",
                                "alter table products add column sku varchar(20);"))
                        .then(contains(SERVICE, "product.setSku(request.sku());"))
                        .plan(ADD_SKU),
                scenario("--dry-run prints the plan and a diff and changes nothing")
                        .spec(s -> s.replace(STOCK, SKU))
                        .flags("--dry-run")
                        .then(untouched())
                        .then(out("Plan: ", "+    private String sku;", "+++ b/" + RegenerationScenarios.DB))
                        .plan(ADD_SKU),
                scenario("new field merges into a service whose method body the user edited")
                        .given(p -> p.edit(SERVICE, GET, MY_GET))
                        .spec(s -> s.replace(STOCK, SKU))
                        .then(contains(SERVICE, MY_GET, "product.setSku(request.sku());"))
                        .plan(ADD_SKU.replace(
                                "update M/product/ProductService.java", "merge M/product/ProductService.java")),
                scenario("new field while the user deleted a generated test: it stays deleted")
                        .given(p -> p.delete(API_TEST))
                        .spec(s -> s.replace(STOCK, SKU))
                        .then(absent(API_TEST))
                        .plan(ADD_SKU.replace(
                                "update T/product/ProductApiTest.java", "keep deleted T/product/ProductApiTest.java")),
                scenario("second schema change: V3 after the V2 already there")
                        .given(p -> p.regenerate(RegenerationScenarios.SHOP.replace(STOCK, SKU)))
                        .spec(s -> s.replace(STOCK, SKU + "\n      - { name: weight, type: decimal }"))
                        .then(migrations(
                                "V1__init.sql",
                                "V2__kiln_add_column_products_sku.sql",
                                "V3__kiln_add_column_products_weight.sql"))
                        .plan(fieldPlan("V3__kiln_add_column_products_weight.sql")),
                scenario("enum value added: the check constraint is replaced")
                        .spec(s -> s.replace("values: [DRAFT, LIVE]", "values: [DRAFT, LIVE, ARCHIVED]"))
                        .then(contains(
                                "DB/V2__kiln_schema_update.sql",
                                "alter table products drop constraint ck_products_status;",
                                "'ARCHIVED'"))
                        .plan("""
                                update .kiln/manifest.json
                                update .kiln/spec.yaml
                                update M/product/ProductStatus.java
                                add DB/V2__kiln_schema_update.sql
                                update T/TestData.java
                                """),
                scenario("type widened (int to long): altered in place")
                        .spec(s -> s.replace(STOCK, "      - { name: stock, type: long }"))
                        .then(contains(
                                "DB/V2__kiln_change_type_of_products_stock_from_integer_to_bigint.sql",
                                "alter table products alter column stock set data type bigint;"))
                        .plan("""
                                update .kiln/manifest.json
                                update .kiln/spec.yaml
                                update README.md
                                update M/product/Product.java
                                update M/product/ProductFilter.java
                                update M/product/ProductRequest.java
                                update M/product/ProductResponse.java
                                add DB/V2__kiln_change_type_of_products_stock_from_integer_to_bigint.sql
                                update T/TestData.java
                                """),
                scenario("type narrowed (maxLength 80 to 20): refused, exit 2")
                        .spec(s -> s.replace("maxLength: 80", "maxLength: 20"))
                        .exit(ExitCodes.BAD_INPUT)
                        .then(untouched())
                        .then(err("changing products.title from varchar(80) to varchar(20)", "--allow-destructive"))
                        .plan(""),
                scenario("optional becomes required with a default: nulls backfilled")
                        .spec(s ->
                                s.replace(STOCK, "      - { name: stock, type: int, required: true, default: \"0\" }"))
                        .then(contains(
                                "DB/V2__kiln_schema_update.sql",
                                "update products set stock = 0 where stock is null;",
                                "alter table products alter column stock set not null;"))
                        .plan("""
                                update .kiln/manifest.json
                                update .kiln/spec.yaml
                                update README.md
                                update M/product/Product.java
                                update M/product/ProductService.java
                                add DB/V2__kiln_schema_update.sql
                                """),
                scenario("optional becomes required without a default: refused, exit 2")
                        .spec(s -> s.replace(STOCK, "      - { name: stock, type: int, required: true }"))
                        .exit(ExitCodes.BAD_INPUT)
                        .then(untouched())
                        .then(err("products.stock becomes required but has no default"))
                        .plan(""),
                scenario("new required field without a default: refused, exit 2")
                        .spec(s -> s.replace(STOCK, STOCK + "\n      - { name: sku, type: string, required: true }"))
                        .exit(ExitCodes.BAD_INPUT)
                        .then(untouched())
                        .then(err("new required column products.sku has no default"))
                        .plan(""),
                scenario("dropped field: refused without --allow-destructive, exit 2")
                        .spec(s -> s.replace(STOCK + "\n", ""))
                        .exit(ExitCodes.BAD_INPUT)
                        .then(untouched())
                        .then(err("dropping column products.stock deletes its values", "--allow-destructive"))
                        .plan(""),
                scenario("dropped field with --allow-destructive: V2 drops the column and says so")
                        .spec(s -> s.replace(STOCK + "\n", ""))
                        .flags("--allow-destructive")
                        .then(contains(
                                "DB/V2__kiln_drop_column_products_stock.sql",
                                "-- DESTROYS DATA",
                                "alter table products drop column stock;"))
                        .then(lacks(SERVICE, "setStock"))
                        .plan(fieldPlan("V2__kiln_drop_column_products_stock.sql")));
    }

    private static List<Scenario> renames() {
        String renamedSpec = RegenerationScenarios.SHOP.replace(STOCK, QUANTITY);
        return List.of(
                scenario("renamed field (renamedFrom): V2 renames the column, nothing dropped")
                        .spec(s -> s.replace(STOCK, QUANTITY))
                        .then(contains(
                                "DB/V2__kiln_rename_column_products_stock_to_quantity.sql",
                                "alter table products rename column stock to quantity;"))
                        .then(lacks("DB/V2__kiln_rename_column_products_stock_to_quantity.sql", "drop", "add "))
                        .then(contains(SERVICE, "product.setQuantity(request.quantity());"))
                        .plan(RENAME_STOCK),
                scenario("renamed field merges into a service whose method body the user edited")
                        .given(p -> p.edit(SERVICE, GET, MY_GET))
                        .spec(s -> s.replace(STOCK, QUANTITY))
                        .then(contains(SERVICE, MY_GET, "product.setQuantity(request.quantity());"))
                        .then(lacks(SERVICE, "setStock"))
                        .plan(RENAME_STOCK.replace(
                                "update M/product/ProductService.java", "merge M/product/ProductService.java")),
                scenario("renamedFrom kept after the rename was applied: nothing to change")
                        .given(p -> p.regenerate(renamedSpec))
                        .spec(s -> renamedSpec)
                        .then(untouched())
                        .then(out("nothing to change"))
                        .plan(""),
                scenario("both sides changed the same line: conflict markers, exit 3")
                        .given(p -> p.edit(
                                SERVICE,
                                SET_STOCK,
                                "        product.setStock(request.stock() == null ? 0 : request.stock());"))
                        .spec(s -> s.replace(STOCK, QUANTITY))
                        .exit(ExitCodes.CONFLICTS)
                        .then(contains(
                                SERVICE,
                                "<<<<<<< yours\n",
                                "product.setStock(request.stock() == null ? 0 : request.stock());",
                                "=======\n",
                                "product.setQuantity(request.quantity());",
                                ">>>>>>> kiln\n"))
                        .then(out("1 file(s) have conflicts"))
                        .plan(RENAME_STOCK.replace(
                                "update M/product/ProductService.java",
                                "CONFLICT M/product/ProductService.java (1 conflicting regions)")),
                scenario("renamed entity (renamedFrom): the table is renamed, old files replaced by new ones")
                        .spec(s -> s.replace("  - name: Product\n", ITEM))
                        .then(contains(
                                "DB/V2__kiln_schema_update.sql",
                                "alter table products rename to items;",
                                "alter table items rename constraint ck_products_status to ck_items_status;"))
                        .then(absent(SERVICE))
                        .then(absent(CUSTOMIZER))
                        .then(contains("M/item/ItemService.java", "public class ItemService"))
                        .plan(RENAME_PRODUCT),
                scenario("renamed entity whose service and customizer the user edited: both kept, with a note")
                        .given(p -> p.edit(SERVICE, GET, MY_GET))
                        .given(p -> p.edit(CUSTOMIZER, HOOK, MY_HOOK))
                        .spec(s -> s.replace("  - name: Product\n", ITEM))
                        .then(contains(SERVICE, MY_GET))
                        .then(contains(CUSTOMIZER, "// mine"))
                        .then(out("is an extension point of something no longer in the spec"))
                        .plan(RENAME_PRODUCT
                                .replace(
                                        "delete M/product/ProductService.java",
                                        "keep (no longer generated, edited) M/product/ProductService.java")
                                .replace(
                                        "delete M/product/ProductServiceCustomizer.java",
                                        "keep (no longer generated, edited) M/product/ProductServiceCustomizer.java")));
    }

    /** The plan of renaming Product's {@code stock} to {@code quantity} in an untouched project. */
    static final String RENAME_STOCK = fieldPlan("V2__kiln_rename_column_products_stock_to_quantity.sql");

    /**
     * The plan of renaming Product to Item in an untouched project: Kiln's files move to the new package
     * (untouched old ones, the customizer included, are deleted), the tests follow, one migration renames.
     */
    static final String RENAME_PRODUCT = """
            update .kiln/manifest.json
            update .kiln/spec.yaml
            update README.md
            add M/item/Item.java
            add M/item/ItemController.java
            add M/item/ItemFilter.java
            add M/item/ItemRepository.java
            add M/item/ItemRequest.java
            add M/item/ItemResponse.java
            add M/item/ItemService.java
            add M/item/ItemServiceCustomizer.java
            add M/item/ItemStatus.java
            delete M/product/Product.java
            delete M/product/ProductController.java
            delete M/product/ProductFilter.java
            delete M/product/ProductRepository.java
            delete M/product/ProductRequest.java
            delete M/product/ProductResponse.java
            delete M/product/ProductService.java
            delete M/product/ProductServiceCustomizer.java
            delete M/product/ProductStatus.java
            add DB/V2__kiln_schema_update.sql
            update T/FuzzApiTest.java
            update T/PlatformTest.java
            update T/PostgresIT.java
            update T/TestData.java
            add T/item/ItemApiTest.java
            delete T/product/ProductApiTest.java
            """;

    /** The plan of adding the Review entity to an untouched project. */
    static final String NEW_REVIEW = """
            update .kiln/manifest.json
            update .kiln/spec.yaml
            update README.md
            add M/review/Review.java
            add M/review/ReviewController.java
            add M/review/ReviewFilter.java
            add M/review/ReviewRepository.java
            add M/review/ReviewRequest.java
            add M/review/ReviewResponse.java
            add M/review/ReviewService.java
            add M/review/ReviewServiceCustomizer.java
            add DB/V2__kiln_create_table_reviews.sql
            update T/FuzzApiTest.java
            update T/PlatformTest.java
            update T/PostgresIT.java
            update T/TestData.java
            add T/review/ReviewApiTest.java
            """;

    /** The plan of dropping Product from an untouched project with {@code --allow-destructive}. */
    static final String DROP_PRODUCT = """
            update .kiln/manifest.json
            update .kiln/spec.yaml
            update README.md
            delete M/product/Product.java
            delete M/product/ProductController.java
            delete M/product/ProductFilter.java
            delete M/product/ProductRepository.java
            delete M/product/ProductRequest.java
            delete M/product/ProductResponse.java
            delete M/product/ProductService.java
            delete M/product/ProductServiceCustomizer.java
            delete M/product/ProductStatus.java
            add DB/V2__kiln_drop_table_products.sql
            update T/FuzzApiTest.java
            update T/PlatformTest.java
            update T/PostgresIT.java
            update T/TestData.java
            delete T/product/ProductApiTest.java
            """;

    private static List<Scenario> entitiesAndRelations() {
        return List.of(
                scenario("new entity: its files and a create-table migration")
                        .spec(s -> s + REVIEW)
                        .then(contains("DB/V2__kiln_create_table_reviews.sql", "create table reviews ("))
                        .then(contains(
                                "M/review/ReviewServiceCustomizer.java", "public void beforeCreate(Review review)"))
                        .plan(NEW_REVIEW),
                scenario("user created a file where Kiln now generates one: kept as it is")
                        .given(p -> p.write("M/review/Review.java", "// mine\n"))
                        .spec(s -> s + REVIEW)
                        .then(contains("M/review/Review.java", "// mine"))
                        .plan(NEW_REVIEW.replace(
                                "add M/review/Review.java",
                                "keep yours (Kiln now generates this path) M/review/Review.java")),
                scenario("new many-to-one relation: column, foreign key and index")
                        .spec(s -> s + "relations:\n  - { from: Product, to: Customer, kind: many-to-one }\n")
                        .then(contains(
                                "DB/V2__kiln_schema_update.sql",
                                "alter table products add column customer_id bigint;",
                                "create index ix_products_customer_id on products (customer_id);",
                                "alter table products add constraint fk_products_customer_id foreign key"))
                        .plan("""
                                update .kiln/manifest.json
                                update .kiln/spec.yaml
                                update README.md
                                update M/customer/CustomerController.java
                                update M/product/Product.java
                                update M/product/ProductFilter.java
                                update M/product/ProductRequest.java
                                update M/product/ProductResponse.java
                                update M/product/ProductService.java
                                add DB/V2__kiln_schema_update.sql
                                update T/FuzzApiTest.java
                                update T/product/ProductApiTest.java
                                """),
                scenario("new many-to-many relation: a join table")
                        .spec(s -> s + "relations:\n  - { from: Product, to: Customer, kind: many-to-many }\n")
                        .then(contains(
                                "DB/V2__kiln_create_table_product_customers.sql", "create table product_customers ("))
                        .plan("""
                                update .kiln/manifest.json
                                update .kiln/spec.yaml
                                update README.md
                                update M/product/Product.java
                                update M/product/ProductRequest.java
                                update M/product/ProductResponse.java
                                update M/product/ProductService.java
                                add DB/V2__kiln_create_table_product_customers.sql
                                update T/FuzzApiTest.java
                                """),
                scenario("dropped entity: refused without --allow-destructive, exit 2")
                        .spec(s -> s.substring(0, s.indexOf("  - name: Product")))
                        .exit(ExitCodes.BAD_INPUT)
                        .then(untouched())
                        .then(err("dropping table products deletes all its rows"))
                        .plan(""),
                scenario("dropped entity with --allow-destructive: its untouched files go, V2 drops the table")
                        .spec(s -> s.substring(0, s.indexOf("  - name: Product")))
                        .flags("--allow-destructive")
                        .then(contains("DB/V2__kiln_drop_table_products.sql", "drop table products;"))
                        .then(absent(SERVICE))
                        .then(absent(CUSTOMIZER))
                        .plan(DROP_PRODUCT),
                scenario("dropped entity whose service the user edited: the edited file is kept")
                        .given(p -> p.edit(SERVICE, GET, MY_GET))
                        .spec(s -> s.substring(0, s.indexOf("  - name: Product")))
                        .flags("--allow-destructive")
                        .then(contains(SERVICE, MY_GET))
                        .plan(DROP_PRODUCT.replace(
                                "delete M/product/ProductService.java",
                                "keep (no longer generated, edited) M/product/ProductService.java")));
    }

    private static List<Scenario> extensionPoints() {
        return List.of(
                scenario("edited extension point survives a spec change untouched")
                        .given(p -> p.edit(CUSTOMIZER, HOOK, MY_HOOK))
                        .spec(s -> s.replace(STOCK, SKU))
                        .then(unchanged(CUSTOMIZER))
                        .then(contains(SERVICE, "customizer.beforeCreate(product);"))
                        .plan(ADD_SKU.replace(
                                "update M/product/ProductService.java",
                                "update M/product/ProductService.java\n"
                                        + "keep (extension point, yours) M/product/ProductServiceCustomizer.java")),
                scenario("edited extension point, unchanged spec: nothing to change")
                        .given(p -> p.edit(CUSTOMIZER, HOOK, MY_HOOK))
                        .then(untouched())
                        .then(out("nothing to change"))
                        .plan("keep (extension point, yours) M/product/ProductServiceCustomizer.java"),
                scenario("deleted extension point stays deleted")
                        .given(p -> p.delete(CUSTOMIZER))
                        .spec(s -> s.replace(STOCK, SKU))
                        .then(absent(CUSTOMIZER))
                        .plan(
                                ADD_SKU.replace(
                                        "update M/product/ProductService.java",
                                        "update M/product/ProductService.java\nkeep deleted M/product/ProductServiceCustomizer.java")),
                scenario("--restore brings a deleted extension point back")
                        .given(p -> p.delete(CUSTOMIZER))
                        .flags("--restore")
                        .then(contains(CUSTOMIZER, "public class ProductServiceCustomizer"))
                        .plan("restore M/product/ProductServiceCustomizer.java"),
                scenario("project generated before extension points existed: its customizers are created")
                        .given(p -> p.delete(CUSTOMIZER))
                        .given(p -> p.delete("M/customer/CustomerServiceCustomizer.java"))
                        .given(p -> p.write(
                                ".kiln/manifest.json",
                                p.read(".kiln/manifest.json")
                                        .replaceAll("(?m)^ {4}\"[^\"]*ServiceCustomizer\\.java\": \"[0-9a-f]+\",\n", "")
                                        .replaceAll(",\n  \"createOnly\": \\[[^\\]]*\\]", "")))
                        .then(contains(CUSTOMIZER, "public class ProductServiceCustomizer"))
                        .then(contains(".kiln/manifest.json", "\"createOnly\""))
                        .plan("""
                                update .kiln/manifest.json
                                add M/customer/CustomerServiceCustomizer.java
                                add M/product/ProductServiceCustomizer.java
                                """),
                scenario("extension point recorded as create-only in the manifest")
                        .then(contains(
                                ".kiln/manifest.json",
                                "\n  \"createOnly\": [\n    \"" + RegenerationScenarios.M
                                        + "customer/CustomerServiceCustomizer.java\",\n    \""
                                        + RegenerationScenarios.M
                                        + "product/ProductServiceCustomizer.java\"\n  ]\n}\n"))
                        .then(untouched())
                        .plan(""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void regeneration(Scenario scenario, @TempDir Path dir) throws IOException {
        RegenerationScenarios.run(scenario, dir);
    }
}
