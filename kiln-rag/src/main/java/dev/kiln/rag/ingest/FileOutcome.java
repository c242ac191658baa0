package dev.kiln.rag.ingest;

/** What an ingest did with one file. */
public enum FileOutcome {
    /** New to the store: parsed, chunked, embedded and written. */
    ADDED,
    /** Its content, access list or the ingest settings changed: written again. */
    UPDATED,
    /** Same hash as in the store: left alone. */
    UNCHANGED,
    /** Gone from disk, or no longer readable: its chunks were deleted. */
    REMOVED,
    /** Could not be read; see {@link SkippedFile}. */
    SKIPPED
}
