package dev.kiln.rag.ingest;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of an ingest.
 *
 * @param added files new to the store
 * @param updated files written again because they changed
 * @param unchanged files skipped because their hash matched
 * @param removed files deleted from the store
 * @param chunksWritten chunks embedded and written by this ingest
 * @param skipped files that could not be read, with reasons
 * @param elapsed wall-clock time of the ingest
 */
public record IngestReport(
        int added,
        int updated,
        int unchanged,
        int removed,
        int chunksWritten,
        List<SkippedFile> skipped,
        Duration elapsed) {
    /** Copies the list. */
    public IngestReport {
        skipped = List.copyOf(skipped);
    }
}
