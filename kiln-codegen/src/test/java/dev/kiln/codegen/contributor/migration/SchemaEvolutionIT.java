package dev.kiln.codegen.contributor.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.codegen.TestSpecs;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Applies the old schema with data, then the migration Kiln writes for a spec change, on a real PostgreSQL
 * and on H2 in PostgreSQL mode, and checks that the data survived and the new schema works.
 */
class SchemaEvolutionIT {
    private static final String BASE = SchemaEvolutionTests.BASE;
    private static final String SEED = """
            insert into customers (id, version, name, email, created_at, updated_at)
                values (1, 0, 'Ada', 'ada@example.com', current_timestamp, current_timestamp);
            insert into products (id, version, title, price, stock, created_at, updated_at)
                values (1, 0, 'Lamp', 19.99, null, current_timestamp, current_timestamp);
            insert into products (id, version, title, price, stock, created_at, updated_at)
                values (2, 0, 'Desk', 249.00, 3, current_timestamp, current_timestamp);
            """;

    @SuppressWarnings("NullAway.Init")
    private static EmbeddedPostgres postgres;

    private static int schemas;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    private static final String RELATED_SEED = SEED + """
            insert into reviews (id, version, stars, body, product_id, created_at, updated_at)
                values (1, 0, 5, 'Bright', 1, current_timestamp, current_timestamp);
            insert into product_customers (product_id, customer_id) values (2, 1);
            """;

    record Scenario(
            String name, String before, String seed, String after, boolean destructive, String check, String expected) {
        Scenario(String name, String after, boolean destructive, String check, String expected) {
            this(name, BASE, SEED, after, destructive, check, expected);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> scenarios() {
        String relations = SchemaEvolutionTests.spec("""
                  - name: Review
                    fields:
                      - { name: stars, type: int, required: true, min: 1, max: 5 }
                """, """
                  - { from: Review, to: Product, kind: many-to-one, required: true }
                  - { from: Product, to: Customer, kind: many-to-many }
                """);
        List<Scenario> list = List.of(
                new Scenario(
                        "new optional field",
                        BASE.replace(
                                "{ name: stock, type: int }",
                                "{ name: stock, type: int }\n" + "      - { name: sku, type: string, maxLength: 20 }"),
                        false,
                        "select title || ':' || coalesce(sku, '-') from products where id = 1",
                        "Lamp:-"),
                new Scenario(
                        "optional becomes required with a default (backfill)",
                        BASE.replace(
                                "{ name: stock, type: int }",
                                "{ name: stock, type: int, required: true, default: \"0\" }"),
                        false,
                        "select string_agg(cast(stock as varchar), ',' order by id) from products",
                        "0,3"),
                new Scenario(
                        "widened types",
                        BASE.replace("{ name: stock, type: int }", "{ name: stock, type: long }")
                                .replace("maxLength: 80", "maxLength: 300")
                                .replace("precision: 10, scale: 2", "precision: 14, scale: 4"),
                        false,
                        "select cast(price as varchar) || ':' || cast(stock as varchar) from products where id = 2",
                        "249.0000:3"),
                new Scenario(
                        "new entity, many-to-one and many-to-many",
                        relations,
                        false,
                        "select (select count(*) from products) || ':' || (select count(*) from customers)",
                        "2:1"),
                new Scenario(
                        "dropped field (allowed)",
                        BASE.replace("      - { name: stock, type: int }\n", ""),
                        true,
                        "select title from products where id = 2",
                        "Desk"),
                new Scenario(
                        "renamed fields (renamedFrom), one unique and one indexed",
                        SchemaEvolutionTests.RELATED,
                        RELATED_SEED,
                        SchemaEvolutionTests.RELATED
                                .replace(
                                        "{ name: email, type: email, unique: true }",
                                        "{ name: mail, renamedFrom: email, type: email, unique: true }")
                                .replace("{ name: stars, type: int,", "{ name: rating, renamedFrom: stars, type: int,")
                                .replace("fields: [stars]", "fields: [rating]"),
                        false,
                        "select c.mail || ':' || r.rating || ':' || (select string_agg(constraint_name, ',' order by"
                                + " constraint_name) from information_schema.table_constraints where table_name ="
                                + " 'customers' and constraint_type = 'UNIQUE' and table_schema = current_schema)"
                                + " from customers c, reviews r",
                        "ada@example.com:5:uk_customers_mail"),
                new Scenario(
                        "renamed entity (renamedFrom) with a foreign key and a join table",
                        SchemaEvolutionTests.RELATED,
                        RELATED_SEED,
                        SchemaEvolutionTests.RELATED
                                .replace("  - name: Product\n", "  - name: Item\n    renamedFrom: Product\n")
                                .replace("to: Product,", "to: Item,")
                                .replace("from: Product,", "from: Item,"),
                        false,
                        "select i.title || ':' || r.body || ':' || j.customer_id || ':' || (select"
                                + " string_agg(constraint_name, ',' order by constraint_name) from"
                                + " information_schema.table_constraints where table_schema = current_schema and"
                                + " (constraint_type = 'FOREIGN KEY' and table_name in ('reviews', 'item_customers')"
                                + " or constraint_type = 'PRIMARY KEY' and table_name = 'item_customers'))"
                                + " from items i join reviews r on r.item_id = i.id,"
                                + " item_customers j",
                        "Lamp:Bright:1:fk_item_customers_customer_id,fk_item_customers_item_id,fk_reviews_item_id,"
                                + "pk_item_customers"));
        return list.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "PostgreSQL: {0}")
    @MethodSource("scenarios")
    void survivesOnPostgres(Scenario scenario) throws Exception {
        schemas++;
        String schema = "s" + schemas;
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
        }
        run(scenario, postgres.getPostgresDatabase(), schema);
    }

    @ParameterizedTest(name = "H2 (PostgreSQL mode): {0}")
    @MethodSource("scenarios")
    void survivesOnH2(Scenario scenario) throws Exception {
        schemas++;
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:evolve" + schemas
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        run(scenario, h2, null);
    }

    private void run(Scenario scenario, DataSource db, @Nullable String schema) throws Exception {
        Files.writeString(
                dir.resolve("V1__init.sql"),
                TestSpecs.contribute(new FlywayMigrationContributor(), TestSpecs.yaml(scenario.before()))
                        .text(FlywayMigrationContributor.PATH));
        SchemaEvolution.Migration migration = SchemaEvolution.between(
                SchemaEvolutionTests.model(scenario.before()),
                SchemaEvolutionTests.model(scenario.after()),
                scenario.destructive());
        Files.writeString(dir.resolve("V2__" + SchemaEvolution.description(migration) + ".sql"), migration.sql());

        flyway(db, schema, "1").migrate();
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            if (schema != null) {
                s.execute("set search_path to " + schema);
            }
            for (String statement : scenario.seed().split(";\n")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
        }
        assertThat(flyway(db, schema, "latest").migrate().migrationsExecuted).isEqualTo(1);
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            if (schema != null) {
                s.execute("set search_path to " + schema);
            }
            try (ResultSet rows = s.executeQuery(scenario.check())) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo(scenario.expected());
            }
        } catch (SQLException e) {
            throw new AssertionError(migration.sql(), e);
        }
    }

    private Flyway flyway(DataSource db, @Nullable String schema, String target) {
        var config =
                Flyway.configure().dataSource(db).locations("filesystem:" + dir).target(target);
        if (schema != null) {
            config = config.schemas(schema).defaultSchema(schema);
        }
        return config.load();
    }
}
