package dev.kiln.rag.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which questions ask for a measured figure of a workload, which the documentation does not state. */
class EstimateQuestionsTests {
    @Test
    void durationsRatesRatiosAndComparisonsOfAWorkloadAreEstimates() {
        assertThat(List.of(
                        "How long will REINDEX take on a 300 GB table?",
                        "how long does pg_dump take for 50 million rows",
                        "Roughly how many transactions per second can one core commit?",
                        "How many MB of memory does each backend use on a typical server?",
                        "What percentage of disk space do I save with lz4 on logs?",
                        "What compression ratio does gzip achieve on a custom-format dump?",
                        "How much faster is a BRIN index than a B-tree to build?",
                        "Is COPY quicker than INSERT, and by how much?",
                        "We have 8 cores. How fast can a standby apply WAL per second?"))
                .allSatisfy(q ->
                        assertThat(EstimateQuestions.asksForEstimate(q)).as(q).isTrue());
    }

    @Test
    void settingsDefaultsHowTosAndDocumentedSizesAreNot() {
        assertThat(List.of(
                        "How many connections are reserved for superusers by default?",
                        "How long does a session wait for a lock before it is logged? Which setting is it?",
                        "limit how much memory a sort may use before it spills to disk",
                        "count how many rows match a pattern",
                        "How much space does a NULL value take in a row?",
                        "How do I see how many seconds the standby is behind?",
                        "How many columns can a table have?",
                        "How long is the maximum identifier?",
                        "what does work_mem do"))
                .allSatisfy(q ->
                        assertThat(EstimateQuestions.asksForEstimate(q)).as(q).isFalse());
    }

    @Test
    void theEstimateFlagMakesThePolicyAbstainWhateverTheScore() {
        AbstentionPolicy policy = AbstentionPolicy.DEFAULT;
        Evidence strong = new Evidence(0.95, 1.0);

        assertThat(policy.abstain(strong)).isFalse();
        assertThat(policy.abstain(strong.withAsksForEstimate(true))).isTrue();
        assertThat(strong.withAsksForEstimate(true).withAsksForEstimate(false)).isEqualTo(strong);
    }

    @Test
    void aHugeHostileQuestionIsReadInBoundedTime() {
        String early = "How long does a restore take for 2 TB? " + "how long ".repeat(200_000);
        String late = "how long ".repeat(200_000) + "take " + "1".repeat(100_000) + " GB";

        long start = System.nanoTime();
        boolean first = EstimateQuestions.asksForEstimate(early);
        boolean second = EstimateQuestions.asksForEstimate(late);

        assertThat(first).isTrue();
        assertThat(second).as("read up to the first 4,000 characters").isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
}
