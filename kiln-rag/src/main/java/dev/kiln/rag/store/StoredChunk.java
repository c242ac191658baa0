package dev.kiln.rag.store;

import dev.kiln.rag.chunk.Chunk;
import java.util.Set;

/**
 * A chunk ready to be written: its text, where it came from, who may read it and its vector.
 *
 * @param source the file's path as given to ingest
 * @param format the document format id
 * @param chunk the chunk
 * @param acl the principals allowed to read it; {@link StoreSchema#EVERYONE} for everybody
 * @param vector its unit-length embedding
 */
// The vector is handed over, not copied: chunks are written once and never compared.
@SuppressWarnings("ArrayRecordComponent")
public record StoredChunk(String source, String format, Chunk chunk, Set<String> acl, float[] vector) {
    /** Copies the access list and checks it is not empty. */
    public StoredChunk {
        acl = Set.copyOf(acl);
        if (acl.isEmpty()) {
            throw new IllegalArgumentException("a chunk needs at least one principal; use " + StoreSchema.EVERYONE);
        }
    }
}
