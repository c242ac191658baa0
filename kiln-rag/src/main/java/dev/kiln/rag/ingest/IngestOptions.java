package dev.kiln.rag.ingest;

import java.util.Set;

/**
 * Settings of an ingest.
 *
 * @param defaultAcl principals who may read files that have no sidecar access list; empty means
 *     everyone
 * @param maxFileBytes files larger than this are skipped as too large
 * @param commitEvery commit after this many written files, so that a crash loses little work
 */
public record IngestOptions(Set<String> defaultAcl, long maxFileBytes, int commitEvery) {
    /** The default size limit: 50 MiB. */
    public static final long DEFAULT_MAX_FILE_BYTES = 50L * 1024 * 1024;

    /** Everyone may read, 50 MiB limit, a commit every 200 files. */
    public static final IngestOptions DEFAULTS = new IngestOptions(Set.of(), DEFAULT_MAX_FILE_BYTES, 200);

    /** Checks and copies the arguments. */
    public IngestOptions {
        defaultAcl = Set.copyOf(defaultAcl);
        if (maxFileBytes < 1 || commitEvery < 1) {
            throw new IllegalArgumentException("maxFileBytes and commitEvery must be positive");
        }
        defaultAcl.forEach(AccessLists::checkPrincipal);
    }

    /**
     * Returns these options with another default access list.
     *
     * @param principals who may read files without a sidecar
     * @return the new options
     */
    public IngestOptions withDefaultAcl(Set<String> principals) {
        return new IngestOptions(principals, maxFileBytes, commitEvery);
    }
}
