package dev.kiln.rag.ingest;

/**
 * A file an ingest could not use, and why.
 *
 * @param source the file's path as given
 * @param reason what is wrong with it, for the user: binary, empty, too large, malformed, unreadable
 */
public record SkippedFile(String source, String reason) {}
