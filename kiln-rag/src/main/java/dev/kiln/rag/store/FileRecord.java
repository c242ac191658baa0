package dev.kiln.rag.store;

/**
 * What the store remembers of an ingested file, to skip it when it has not changed.
 *
 * @param source the file's path as given to ingest
 * @param hash the hash of its content, access list and ingest settings
 * @param chunks how many chunks it produced
 */
public record FileRecord(String source, String hash, int chunks) {}
