package dev.kiln.rag.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The support rule: exact tokens all present, and at least 60% of the content words. */
class SupportCheckTests {
    private static final String CHUNK = "Tuning message throughput\njournal_flush_interval\nThe parameter"
            + " journal_flush_interval sets how many milliseconds the broker waits before forcing written messages"
            + " to disk. The default is 200. Lower values lose fewer messages after a power failure; higher values"
            + " raise throughput. Stop the server, run orbit restore --from /srv/backups/latest. Bands: junior"
            + " 52,000 to 61,000 euros.";

    private final SupportCheck check = new SupportCheck();

    @Test
    void aParaphraseOfTheChunkWithItsNumberIsSupported() {
        SupportCheck.Verdict verdict = check.check(
                "By default, journal_flush_interval is 200 milliseconds before messages are forced to disk.", CHUNK);
        assertThat(verdict.supported()).as(verdict.reason()).isTrue();
        assertThat(verdict.coverage()).isGreaterThanOrEqualTo(SupportCheck.MIN_COVERAGE);
        assertThat(verdict.reason()).isEmpty();
    }

    @Test
    void inflectionsMatchThroughStemming() {
        assertThat(check.check("Lower value loses fewer message after power failures.", CHUNK)
                        .supported())
                .isTrue();
    }

    @Test
    void aChangedNumberIsNotSupportedWhateverTheWords() {
        SupportCheck.Verdict verdict = check.check("The default journal_flush_interval is 250 milliseconds.", CHUNK);
        assertThat(verdict.supported()).isFalse();
        assertThat(verdict.missingExact()).containsExactly("250");
        assertThat(verdict.reason()).isEqualTo("the cited chunks do not contain 250");
    }

    @Test
    void anIdentifierTheChunkNeverNamesIsNotSupported() {
        SupportCheck.Verdict verdict =
                check.check("The parameter journal_sync_mode sets how the broker forces messages to disk.", CHUNK);
        assertThat(verdict.supported()).isFalse();
        assertThat(verdict.missingExact()).containsExactly("journal_sync_mode");
    }

    @Test
    void optionsAndGroupedNumbersMatchAsWritten() {
        assertThat(check.check("Run orbit restore --from the latest backup.", CHUNK)
                        .supported())
                .isTrue();
        assertThat(check.check("Run orbit restore --to the latest backup.", CHUNK)
                        .missingExact())
                .containsExactly("--to");
        assertThat(check.check("Junior bands start at 52000 euros.", CHUNK).supported())
                .isTrue();
    }

    @Test
    void inventedContentWordsBelowSixtyPercentAreNotSupported() {
        SupportCheck.Verdict verdict = check.check(
                "The broker encrypts every journal segment with AES before uploading it to cloud storage.", CHUNK);
        assertThat(verdict.supported()).isFalse();
        assertThat(verdict.missingExact()).isEmpty();
        assertThat(verdict.coverage()).isLessThan(SupportCheck.MIN_COVERAGE);
        assertThat(verdict.reason()).startsWith("only ").endsWith("(at least 60% needed)");
    }

    @Test
    void theThresholdSitsAtSixtyPercent() {
        // 3 of 5 content stems present (journal, flush, disk; not encrypt, nightly): exactly 60%, supported.
        assertThat(check.check("journal flush disk encrypted nightly", "journal flush disk")
                        .coverage())
                .isEqualTo(0.6);
        assertThat(check.check("journal flush disk encrypted nightly", "journal flush disk")
                        .supported())
                .isTrue();
        // 2 of 4: 50%, not.
        assertThat(check.check("journal flush encrypted nightly", "journal flush disk")
                        .supported())
                .isFalse();
    }

    @Test
    void aSentenceWithNothingToCheckIsNotSupported() {
        assertThat(check.check("It is so.", CHUNK).supported()).isFalse();
    }
}
