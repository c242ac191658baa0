package dev.kiln.cli;

import dev.kiln.codegen.merge.FileAction;
import dev.kiln.codegen.merge.PlannedFile;
import dev.kiln.codegen.merge.RegenerationPlan;
import java.io.PrintWriter;
import java.util.Map;
import java.util.StringJoiner;

/** Prints a regeneration plan: a summary, one line per file that changes or needs attention, a diff. */
final class PlanPrinter {
    private PlanPrinter() {}

    static String summary(RegenerationPlan plan) {
        if (plan.noOp()) {
            return "nothing to change";
        }
        StringJoiner joiner = new StringJoiner(", ");
        for (Map.Entry<FileAction, Integer> count : plan.counts().entrySet()) {
            joiner.add(count.getValue() + " " + count.getKey().label());
        }
        return joiner.toString();
    }

    static void print(RegenerationPlan plan, PrintWriter out, boolean withDiff) {
        for (String note : plan.notes()) {
            out.println("note: " + note);
        }
        if (withDiff) {
            out.println("Plan: " + summary(plan) + ".");
        }
        for (PlannedFile file : plan.files()) {
            if (file.action() != FileAction.UNCHANGED) {
                String conflicts = file.conflicts() > 0 ? " (" + file.conflicts() + " conflicting regions)" : "";
                out.printf("  %-12s %s%s%n", file.action().label(), file.path(), conflicts);
            }
        }
        if (withDiff && !plan.noOp()) {
            out.println();
            out.print(plan.unifiedDiff());
        }
        out.flush();
    }
}
