package dev.kiln.codegen.verify;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Adds up the {@code Tests run:} lines that Surefire and Failsafe print.
 *
 * <p>Each plugin prints one line per test class (with {@code Time elapsed}) and one total under
 * {@code Results:}; the totals are summed, and the per-class lines are used only when no total was printed
 * (a build that stopped half way).
 */
final class TestTally {
    private static final Pattern TESTS_RUN =
            Pattern.compile("Tests run: (\\d+), Failures: (\\d+)(?:, Errors: (\\d+))?(?:, Skipped: (\\d+))?");

    private final Counts totals = new Counts();
    private final Counts perClass = new Counts();

    /** Reads one line of build output. */
    void accept(String line) {
        Matcher matcher = TESTS_RUN.matcher(line);
        if (!matcher.find()) {
            return;
        }
        Counts counts = line.contains("Time elapsed") ? perClass : totals;
        counts.run += number(matcher.group(1));
        counts.failed += number(matcher.group(2)) + number(matcher.group(3));
        counts.skipped += number(matcher.group(4));
        counts.seen = true;
    }

    /** The tally, e.g. {@code tests: 42 run, 0 failed}; empty when no {@code Tests run:} line was seen. */
    String summary() {
        Counts counts = totals.seen ? totals : perClass;
        if (!counts.seen) {
            return "";
        }
        String summary = String.format(Locale.ROOT, "tests: %d run, %d failed", counts.run, counts.failed);
        return counts.skipped == 0 ? summary : summary + String.format(Locale.ROOT, ", %d skipped", counts.skipped);
    }

    private static long number(@Nullable String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }

    private static final class Counts {
        long run;
        long failed;
        long skipped;
        boolean seen;
    }
}
