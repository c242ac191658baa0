package dev.kiln.rag.ingest;

/**
 * Hears how an ingest progresses; the CLI renders it as a progress line, a server as events. All
 * methods are called on the ingesting thread and default to doing nothing.
 */
public interface IngestListener {
    /** A listener that ignores everything. */
    IngestListener NONE = new IngestListener() {};

    /**
     * The files to consider are known.
     *
     * @param files how many files of a readable format were found
     */
    default void started(int files) {}

    /**
     * A file was dealt with.
     *
     * @param source the file's path as given
     * @param outcome what happened to it
     * @param chunks how many chunks it has now (0 when skipped or removed)
     */
    default void file(String source, FileOutcome outcome, int chunks) {}

    /**
     * A file could not be ingested; the ingest goes on.
     *
     * @param skipped the file and the reason
     */
    default void skipped(SkippedFile skipped) {}

    /**
     * Work so far was committed: it survives a crash.
     *
     * @param filesDone how many files have been dealt with so far
     */
    default void committed(int filesDone) {}
}
