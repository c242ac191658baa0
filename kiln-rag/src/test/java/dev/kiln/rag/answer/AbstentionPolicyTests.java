package dev.kiln.rag.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The abstention rule and how names are read from a question, without a store. */
class AbstentionPolicyTests {
    private final AbstentionPolicy policy = new AbstentionPolicy(0.5, 0.4, 0.6);

    @Test
    void scoresCosinePlusCoverageMinusUnseenShare() {
        Evidence evidence = new Evidence(0.5, 0.4, 0.25, List.of("etcd"), List.of(), List.of());
        assertThat(policy.score(evidence)).isCloseTo(0.5 + 0.5 * 0.4 - 0.4 * 0.25, within());
        assertThat(policy.abstain(evidence)).isFalse();
        assertThat(policy.abstain(new Evidence(0.5, 0.4, 0.5, List.of("etcd", "Patroni"), List.of(), List.of())))
                .isTrue();
    }

    @Test
    void anUnseenNameAbstainsWhateverTheScore() {
        Evidence strong = new Evidence(0.95, 1.0, 0, List.of(), List.of("Oracle Data Guard"), List.of());
        assertThat(policy.score(strong)).isGreaterThan(policy.threshold());
        assertThat(policy.abstain(strong)).isTrue();
    }

    @Test
    void anUnseenSystemNameAbstainsWhateverTheScore() {
        Evidence strong = new Evidence(0.95, 1.0, 0.1, List.of("pg_repack"), List.of(), List.of("pg_repack"));
        assertThat(policy.score(strong)).isGreaterThan(policy.threshold());
        assertThat(policy.abstain(strong)).isTrue();
        Evidence owned = new Evidence(0.95, 1.0, 0.1, List.of("updated_at"), List.of(), List.of());
        assertThat(policy.abstain(owned)).isFalse();
    }

    @Test
    void aSystemNameIsShapedLikeOneAndNotMarkedAsTheAskers() {
        assertThat(claimed("How do I use pg_repack to rebuild a bloated table?", "pg_repack"))
                .isTrue();
        assertThat(claimed("set transaction_timeout to five minutes", "transaction_timeout"))
                .isTrue();
        assertThat(claimed("generate ids with uuidv7()", "uuidv7")).isTrue();
        assertThat(claimed("configure pgBackRest retention", "pgBackRest")).isTrue();
        assertThat(claimed("what vm.swappiness suits a database server", "vm.swappiness"))
                .isTrue();

        assertThat(claimed("a trigger that sets an updated_at timestamp", "updated_at"))
                .as("a data noun after it")
                .isFalse();
        assertThat(claimed("add the column last_modified_by to invoices", "last_modified_by"))
                .as("a data noun before it")
                .isFalse();
        assertThat(claimed("index my invoices.customer_ref for lookups", "invoices.customer_ref"))
                .as("an owner word before it")
                .isFalse();
        assertThat(claimed("a sequence named order_seq_2024", "order_seq_2024")).isFalse();
        assertThat(claimed("store PDFs in the database", "PDFs"))
                .as("an acronym")
                .isFalse();
        assertThat(claimed("restore to 3pm yesterday", "3pm"))
                .as("a number with a unit")
                .isFalse();
        assertThat(claimed("an Oracle licence", "Oracle"))
                .as("an ordinary proper name")
                .isFalse();
        String huge = "a1".repeat(50_000) + "x";
        assertThat(claimed("what is " + huge, huge)).as("too long to be a name").isFalse();
        assertThat(claimed("grant select to the role app_reader", "app_reader"))
                .as("an object noun before it")
                .isFalse();
    }

    @Test
    void namesInTheAskersOwnSqlAreTheAskers() {
        assertThat(UnseenWords.sqlNames("INSERT INTO product_stock (sku, qty) SELECT sku, qty FROM staging_rows"))
                .contains("product_stock", "staging_rows")
                .as("a column list after a space is not read")
                .doesNotContain("sku");
        assertThat(UnseenWords.sqlNames("REFRESH MATERIALIZED VIEW CONCURRENTLY monthly_totals; fails"))
                .contains("monthly_totals");
        assertThat(UnseenWords.sqlNames("GRANT SELECT ON ALL TABLES IN SCHEMA sales TO reporting_ro"))
                .contains("reporting_ro");
        assertThat(UnseenWords.sqlNames("a unique constraint on accounts(email, closed_at) lets duplicates in"))
                .contains("email", "closed_at");
        assertThat(UnseenWords.sqlNames("CREATE INDEX ON events ((date(happened_at AT TIME ZONE tz)))"))
                .contains("happened_at");
        assertThat(UnseenWords.sqlNames("How do I use pg_repack to rebuild a table into a new file?"))
                .as("lower-case prose is not SQL")
                .isEmpty();
        assertThat(UnseenWords.sqlNames("set transaction_timeout TO 5min; generate ids with uuidv7()"))
                .as("a setting before TO, a number after it, an empty call")
                .isEmpty();
        String hostile = "f(".repeat(50_000) + "x" + ")".repeat(50_000) + " INTO ".repeat(20_000);
        assertThat(UnseenWords.sqlNames(hostile)).contains("x");
    }

    @Test
    void anObjectNounDoesNotMakeANameTheAskersWhenTheDocumentsNameItsSiblings() {
        String question = "What does the pg_stat_io view show?";
        List<String> words = UnseenWords.words(question);
        int index = words.indexOf("pg_stat_io");
        List<String> read = List.of(
                "The pg_stat_activity view has one row per server process.",
                "pg_stat_database shows database-wide statistics; see also pg_stat_activity.");
        assertThat(UnseenWords.siblings("pg_stat_io", read)).isEqualTo(2);
        assertThat(UnseenWords.claimedSystemName(words, index, read)).isTrue();
        assertThat(UnseenWords.claimedSystemName(words, index, List.of("The pg_stat_activity view.")))
                .as("one sibling is not a family")
                .isFalse();

        List<String> mine = UnseenWords.words("index my pg_stat_io table");
        assertThat(UnseenWords.claimedSystemName(mine, mine.indexOf("pg_stat_io"), read))
                .as("an owner word wins over siblings")
                .isFalse();
        assertThat(UnseenWords.siblings("uuidv7", read)).as("no first part").isZero();
    }

    private static boolean claimed(String question, String word) {
        List<String> words = UnseenWords.words(question);
        int index = words.indexOf(word);
        assertThat(index).as("%s is a word of %s", word, question).isNotNegative();
        return UnseenWords.claimedSystemName(words, index, List.of());
    }

    @Test
    void refusesNegativeWeights() {
        assertThatThrownBy(() -> new AbstentionPolicy(0.3, -0.1, 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-0.1");
    }

    @Test
    void readsMultiWordNamesButNotSqlKeywordsOrTheOpeningQuestionWord() {
        assertThat(UnseenWords.names("How do I configure Oracle Data Guard fast-start failover?"))
                .containsExactly("Oracle Data Guard");
        assertThat(UnseenWords.names("Which features are planned for PostgreSQL 18?"))
                .containsExactly("PostgreSQL 18");
        assertThat(UnseenWords.names("How do I set up SQL Server Always On availability groups?"))
                .containsExactly("SQL Server Always On");
        assertThat(UnseenWords.names("Which Kubernetes operator does Amazon recommend?"))
                .isEmpty();
        assertThat(UnseenWords.names("ERROR: query returned no rows in SELECT INTO STRICT"))
                .isEmpty();
        assertThat(UnseenWords.names("lock_timeout versus statement_timeout")).isEmpty();
        assertThat(UnseenWords.names("pg_dump is too slow on 400 GB. Can I make it dump tables in parallel?"))
                .as("a question word opening a later sentence")
                .isEmpty();
        assertThat(UnseenWords.names("Backups. Which Oracle Data Guard mode?")).containsExactly("Oracle Data Guard");
    }

    @Test
    void onlyIdentifiersAndWordsOutsideEverydayEnglishAreTelling() {
        assertThat(UnseenWords.telling("pg_cron")).isTrue();
        assertThat(UnseenWords.telling("db.r6g.large")).isTrue();
        assertThat(UnseenWords.telling("MongoDB")).isTrue();
        assertThat(UnseenWords.telling("etcd")).isTrue();
        assertThat(UnseenWords.telling("pgvector")).isTrue();
        assertThat(UnseenWords.telling("interval")).isFalse();
        assertThat(UnseenWords.telling("Deploy")).isFalse();
        assertThat(UnseenWords.telling("do")).isFalse();
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }
}
