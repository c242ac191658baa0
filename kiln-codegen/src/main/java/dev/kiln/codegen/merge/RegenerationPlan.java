package dev.kiln.codegen.merge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.HistogramDiff;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/**
 * What a regeneration will do, file by file, in path order.
 *
 * @param files every file the plan considered (generated now or last time), sorted by path
 * @param notes warnings for the user, e.g. that last time's generation could not be reproduced
 */
public record RegenerationPlan(List<PlannedFile> files, List<String> notes) {
    /** Copies the lists. */
    public RegenerationPlan {
        files = List.copyOf(files);
        notes = List.copyOf(notes);
    }

    /**
     * Returns the files the plan writes or deletes.
     *
     * @return the changing files, in path order
     */
    public List<PlannedFile> changes() {
        return files.stream().filter(file -> file.action().writes()).toList();
    }

    /**
     * Returns the files that will hold conflict markers.
     *
     * @return the conflicting files
     */
    public List<PlannedFile> conflicts() {
        return files.stream()
                .filter(file -> file.action() == FileAction.CONFLICT)
                .toList();
    }

    /**
     * Returns whether the plan changes nothing on disk.
     *
     * @return true for a no-op regeneration
     */
    public boolean noOp() {
        return changes().isEmpty();
    }

    /**
     * Counts files per action.
     *
     * @return a count for every action that occurs, in the enum's order
     */
    public Map<FileAction, Integer> counts() {
        Map<FileAction, Integer> counts = new EnumMap<>(FileAction.class);
        files.forEach(file -> counts.merge(file.action(), 1, Integer::sum));
        return counts;
    }

    /**
     * Renders the changes as a unified diff ({@code --- a/path}, {@code +++ b/path}, hunks with 3 lines of
     * context), the way {@code git diff} shows them; binary files get a one-line note. Kiln's own record
     * under {@code .kiln/} is left out: it always follows the new generation.
     *
     * @return the diff, empty for a no-op plan
     */
    public String unifiedDiff() {
        StringBuilder out = new StringBuilder();
        for (PlannedFile file : changes()) {
            if (file.path().startsWith(".kiln/")) {
                continue;
            }
            byte[] before = file.before() == null ? new byte[0] : file.before();
            byte[] after = file.after() == null ? new byte[0] : file.after();
            String from = file.before() == null ? "/dev/null" : "a/" + file.path();
            String to = file.after() == null ? "/dev/null" : "b/" + file.path();
            out.append("--- ")
                    .append(from)
                    .append('\n')
                    .append("+++ ")
                    .append(to)
                    .append('\n');
            if (TextMerge.binary(before) || TextMerge.binary(after)) {
                out.append("Binary file ").append(file.path()).append(" changes\n");
                continue;
            }
            out.append(hunks(before, after));
        }
        return out.toString();
    }

    private static String hunks(byte[] before, byte[] after) {
        RawText a = new RawText(before);
        RawText b = new RawText(after);
        EditList edits = new HistogramDiff().diff(RawTextComparator.DEFAULT, a, b);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DiffFormatter formatter = new DiffFormatter(bytes)) {
            formatter.setContext(3);
            formatter.format(edits, a, b);
            formatter.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
