package dev.kiln.rag.store;

import dev.kiln.rag.StoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;

/**
 * A point-in-time view of a store for searching: the last commit when it was opened.
 *
 * <p>Thread-safe; open one per process and share it. Searches started after a writer commits still see
 * the old view until a new reader is opened.
 */
public final class StoreReader implements AutoCloseable {
    private final Path dir;
    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final StoreMetadata metadata;

    private StoreReader(Path dir, Directory directory, DirectoryReader reader, StoreMetadata metadata) {
        this.dir = dir;
        this.directory = directory;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.metadata = metadata;
    }

    /**
     * Opens a store, checking the checksum of every file so that damage is reported now rather than as
     * wrong results later.
     *
     * @param dir the store directory
     * @return the reader
     * @throws StoreException when there is no store there or it is damaged
     */
    public static StoreReader open(Path dir) {
        Directory directory = StoreDirectory.openExisting(dir);
        try {
            StoreMetadata metadata = StoreDirectory.metadata(dir, directory);
            DirectoryReader reader = DirectoryReader.open(directory);
            try {
                for (LeafReaderContext leaf : reader.leaves()) {
                    leaf.reader().checkIntegrity();
                }
            } catch (IOException | RuntimeException e) {
                reader.close();
                throw e;
            }
            return new StoreReader(dir, directory, reader, metadata);
        } catch (IOException e) {
            close(directory);
            throw StoreDirectory.damaged(dir, e);
        } catch (RuntimeException e) {
            close(directory);
            throw e;
        }
    }

    /**
     * Reads a store's metadata without opening it for search, to pick the embedding model it needs.
     *
     * @param dir the store directory
     * @return the metadata, or empty when the directory holds no store yet
     * @throws StoreException when it holds something that is not a Kiln store of this layout, or is damaged
     */
    public static Optional<StoreMetadata> metadataOf(Path dir) {
        if (!StoreDirectory.holdsIndex(dir)) {
            return Optional.empty();
        }
        Directory directory = StoreDirectory.openExisting(dir);
        try {
            return Optional.of(StoreDirectory.metadata(dir, directory));
        } finally {
            close(directory);
        }
    }

    /**
     * Returns the searcher over this view.
     *
     * @return the searcher
     */
    public IndexSearcher searcher() {
        return searcher;
    }

    /**
     * Returns what the store records about itself.
     *
     * @return the metadata
     */
    public StoreMetadata metadata() {
        return metadata;
    }

    /**
     * Returns the store directory, for messages.
     *
     * @return the directory
     */
    public Path directory() {
        return dir;
    }

    /**
     * Explains a failure to read this store.
     *
     * @param e the failure
     * @return an exception to throw
     */
    public StoreException failure(IOException e) {
        return StoreDirectory.damaged(dir, e);
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw failure(e);
        } finally {
            close(directory);
        }
    }

    private static void close(Directory directory) {
        try {
            directory.close();
        } catch (IOException suppressed) {
            // Nothing was written through this directory; the reader's failure is the one to report.
        }
    }
}
