package dev.kiln.codegen.verify;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of {@code kiln verify}: one result per step, in order.
 *
 * @param steps the results of build, boot, smoke and stop; skipped steps included
 */
public record VerificationReport(List<StepResult> steps) {

    private static final String[] HEADERS = {"step", "result", "time", "summary"};

    /** Copies the list so the report cannot change after it is made. */
    public VerificationReport {
        steps = List.copyOf(steps);
    }

    /**
     * Tells whether every step ran and passed.
     *
     * @return true when there is at least one step and all passed
     */
    public boolean passed() {
        return !steps.isEmpty() && steps.stream().allMatch(StepResult::passed);
    }

    /**
     * Renders the report as a fixed-width table with the columns step, result, time and summary.
     *
     * @return the table, one line per step after a header and a rule, each line ending in a newline
     */
    public String table() {
        List<String[]> rows = steps.stream().map(VerificationReport::row).toList();
        int[] widths = new int[HEADERS.length - 1];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = HEADERS[i].length();
            for (String[] row : rows) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder table = new StringBuilder();
        line(table, HEADERS, widths);
        for (int width : widths) {
            table.append("-".repeat(width)).append("-+-");
        }
        table.append("-".repeat(HEADERS[HEADERS.length - 1].length())).append('\n');
        rows.forEach(row -> line(table, row, widths));
        return table.toString();
    }

    private static void line(StringBuilder table, String[] cells, int[] widths) {
        for (int i = 0; i < widths.length; i++) {
            String cell = cells[i];
            String padding = " ".repeat(widths[i] - cell.length());
            table.append(i == 2 ? padding + cell : cell + padding).append(" | ");
        }
        table.append(cells[cells.length - 1]).append('\n');
    }

    private static String[] row(StepResult step) {
        String result = step.passed() ? "PASS" : step.skipped() ? "SKIP" : "FAIL";
        String time = step.skipped() ? "-" : seconds(step.elapsed());
        String summary = step.summary().replaceAll("\\s*\\R\\s*", " ").strip();
        return new String[] {step.step(), result, time, summary};
    }

    /** Formats a duration as seconds with one decimal, e.g. {@code 4.2 s}, whatever the default locale. */
    static String seconds(Duration elapsed) {
        return String.format(Locale.ROOT, "%.1f s", elapsed.toMillis() / 1000.0);
    }
}
