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
        Evidence evidence = new Evidence(0.5, 0.4, 0.25, List.of("etcd"), List.of());
        assertThat(policy.score(evidence)).isCloseTo(0.5 + 0.5 * 0.4 - 0.4 * 0.25, within());
        assertThat(policy.abstain(evidence)).isFalse();
        assertThat(policy.abstain(new Evidence(0.5, 0.4, 0.5, List.of("etcd", "Patroni"), List.of())))
                .isTrue();
    }

    @Test
    void anUnseenNameAbstainsWhateverTheScore() {
        Evidence strong = new Evidence(0.95, 1.0, 0, List.of(), List.of("Oracle Data Guard"));
        assertThat(policy.score(strong)).isGreaterThan(policy.threshold());
        assertThat(policy.abstain(strong)).isTrue();
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
