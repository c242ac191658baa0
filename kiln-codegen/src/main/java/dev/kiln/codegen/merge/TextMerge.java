package dev.kiln.codegen.merge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jgit.diff.HistogramDiff;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.merge.MergeAlgorithm;
import org.eclipse.jgit.merge.MergeChunk;
import org.eclipse.jgit.merge.MergeFormatter;
import org.eclipse.jgit.merge.MergeResult;

/** Line-based three-way merge with git's conflict markers (JGit's merge algorithm). */
final class TextMerge {
    /** The label of the user's side in conflict markers. */
    static final String OURS = "yours";
    /** The label of the new generation in conflict markers. */
    static final String THEIRS = "kiln";

    private TextMerge() {}

    /**
     * The merged content and how many regions conflict.
     *
     * @param content the merged bytes, with conflict markers where both sides changed the same lines
     * @param conflicts the number of conflicting regions
     */
    @SuppressWarnings("ArrayRecordComponent") // private to the package; the array is never shared or changed
    record Outcome(byte[] content, int conflicts) {}

    /**
     * Merges two descendants of a common base.
     *
     * @param base what Kiln generated last time, or an empty array when unknown
     * @param ours the file as it is now
     * @param theirs the new generation
     * @return the merge
     */
    static Outcome merge(byte[] base, byte[] ours, byte[] theirs) {
        MergeResult<RawText> result = new MergeAlgorithm(new HistogramDiff())
                .merge(RawTextComparator.DEFAULT, new RawText(base), new RawText(ours), new RawText(theirs));
        int conflicts = 0;
        for (MergeChunk chunk : result) {
            if (chunk.getConflictState() == MergeChunk.ConflictState.FIRST_CONFLICTING_RANGE) {
                conflicts++;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new MergeFormatter().formatMerge(out, result, List.of("base", OURS, THEIRS), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Outcome(out.toByteArray(), conflicts);
    }

    /**
     * Whether content looks binary (a NUL in its first 8 KB, as git decides), so it must not be merged by line.
     *
     * @param content the bytes
     * @return true if binary
     */
    static boolean binary(byte[] content) {
        return RawText.isBinary(content);
    }
}
