package dev.kiln.cli;

import dev.kiln.codegen.verify.StepResult;
import dev.kiln.codegen.verify.VerificationReport;
import dev.kiln.codegen.verify.VerifyListener;
import java.io.PrintWriter;

/** Renders progress: one line per step, test counts while building, smoke requests as they go. */
final class VerifyProgress implements VerifyListener {
    private final ProgressLines lines;
    private final boolean verbose;

    VerifyProgress(PrintWriter out, boolean verbose) {
        this.lines = new ProgressLines(out);
        this.verbose = verbose;
    }

    @Override
    public void stepStarted(String step) {
        lines.started(step);
    }

    @Override
    public void output(String line) {
        boolean interesting = line.contains("Tests run:")
                || line.contains("BUILD")
                || line.contains("ERROR")
                || line.startsWith("GET ")
                || line.startsWith("POST ")
                || line.startsWith("PUT ")
                || line.startsWith("PATCH ")
                || line.startsWith("DELETE ")
                || line.contains("Building ");
        if (verbose || interesting) {
            lines.output(line);
        }
    }

    @Override
    public void stepFinished(StepResult result) {
        lines.print(result.step() + " " + (result.passed() ? "ok" : "FAILED") + ": " + result.summary());
    }

    /**
     * Prints the summary table and, on failure, the output of the failed step.
     *
     * @param report the report
     * @param out standard output
     * @param err standard error
     */
    static void printReport(VerificationReport report, PrintWriter out, PrintWriter err) {
        out.println();
        out.print(report.table());
        out.println(report.passed() ? "verify: PASSED" : "verify: FAILED");
        if (!report.passed()) {
            report.steps().stream()
                    .filter(s -> !s.passed() && !s.failureOutput().isBlank())
                    .findFirst()
                    .ifPresent(s -> err.println("--- output of the failed step '" + s.step() + "' ---\n"
                            + abbreviateLines(s.failureOutput())));
        }
    }

    static String abbreviateLines(String output) {
        StringBuilder out = new StringBuilder();
        for (String line : output.split("\n", -1)) {
            out.append(line.length() > 300 ? line.substring(0, 300) + " ..." : line)
                    .append('\n');
        }
        return out.toString();
    }
}
