package dev.kiln.codegen.verify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestTallyTests {

    @Test
    void sumsTheSurefireAndFailsafeTotals() {
        TestTally tally = new TestTally();
        tally.accept("[INFO] Tests run: 7, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 1.2 s -- in a.ATest");
        tally.accept("[INFO] Tests run: 5, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.4 s -- in a.BTest");
        tally.accept("[INFO] Results:");
        tally.accept("[ERROR] Tests run: 12, Failures: 1, Errors: 0, Skipped: 0");
        tally.accept("[INFO] Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 9.1 s -- in a.PgIT");
        tally.accept("[INFO] Tests run: 1, Failures: 0, Errors: 1, Skipped: 2");

        assertThat(tally.summary()).isEqualTo("tests: 13 run, 2 failed, 2 skipped");
    }

    @Test
    void fallsBackToPerClassLinesWhenNoTotalWasPrinted() {
        TestTally tally = new TestTally();
        tally.accept("[INFO] Tests run: 4, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 1.2 s -- in a.ATest");
        tally.accept("[INFO] Tests run: 3, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 1.2 s -- in a.BTest");

        assertThat(tally.summary()).isEqualTo("tests: 7 run, 0 failed");
    }

    @Test
    void readsShortLines() {
        TestTally tally = new TestTally();
        tally.accept("Tests run: 3, Failures: 1");

        assertThat(tally.summary()).isEqualTo("tests: 3 run, 1 failed");
    }

    @Test
    void isEmptyWithoutTestLines() {
        TestTally tally = new TestTally();
        tally.accept("[INFO] BUILD SUCCESS");

        assertThat(tally.summary()).isEmpty();
    }
}
