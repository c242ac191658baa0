package dev.kiln.rag.store;

import dev.kiln.rag.StoreException;
import dev.kiln.rag.chunk.Chunk;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;

/**
 * Writes to a store: replaces or removes whole files, then commits.
 *
 * <p>Each file's chunks and its {@link FileRecord} are replaced in one atomic Lucene operation, and
 * nothing is visible to readers, or survives a crash, until {@link #commit()}. Closing without
 * committing discards the changes since the last commit. One writer per store at a time; a second
 * one gets a {@link StoreException}.
 */
public final class StoreWriter implements AutoCloseable {
    private final Path dir;
    private final Directory directory;
    private final IndexWriter writer;
    private final StoreMetadata metadata;

    private StoreWriter(Path dir, Directory directory, IndexWriter writer, StoreMetadata metadata) {
        this.dir = dir;
        this.directory = directory;
        this.writer = writer;
        this.metadata = metadata;
    }

    /**
     * Opens a store for writing, creating it when the directory is missing or empty.
     *
     * @param dir the store directory
     * @param embeddingModel the name of the model the vectors come from
     * @param dimension the length of the vectors
     * @return the writer
     * @throws StoreException when the directory holds something else, a damaged store, a store of another
     *     model, or is locked by another writer
     */
    public static StoreWriter open(Path dir, String embeddingModel, int dimension) {
        StoreMetadata wanted = new StoreMetadata(StoreMetadata.CURRENT_FORMAT, embeddingModel, dimension);
        boolean exists = StoreDirectory.holdsIndex(dir);
        Directory directory = exists ? StoreDirectory.openExisting(dir) : StoreDirectory.openNew(dir);
        if (exists) {
            StoreMetadata found = StoreDirectory.metadata(dir, directory);
            if (!found.equals(wanted)) {
                throw new StoreException("the store at " + dir + " was built with the embedding model "
                        + found.embeddingModel() + " (" + found.dimension() + " dimensions), not "
                        + embeddingModel + " (" + dimension + "); use another --store or the same model");
            }
        }
        IndexWriterConfig config = new IndexWriterConfig(StoreSchema.analyzer())
                .setOpenMode(exists ? IndexWriterConfig.OpenMode.APPEND : IndexWriterConfig.OpenMode.CREATE)
                .setCommitOnClose(false)
                .setRAMBufferSizeMB(64);
        try {
            IndexWriter writer = new IndexWriter(directory, config);
            writer.setLiveCommitData(wanted.toUserData().entrySet());
            if (!exists) {
                writer.commit();
            }
            return new StoreWriter(dir, directory, writer, wanted);
        } catch (IOException e) {
            closeQuietly(directory);
            throw StoreDirectory.damaged(dir, e);
        }
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
     * Reads the record of every file in the store as of the last commit.
     *
     * @return records by source
     */
    public Map<String, FileRecord> files() {
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            TermQuery query = new TermQuery(new Term(StoreSchema.KIND, StoreSchema.KIND_FILE));
            StoredFields stored = reader.storedFields();
            Map<String, FileRecord> files = new HashMap<>();
            for (ScoreDoc hit : searcher.search(query, Math.max(1, reader.maxDoc())).scoreDocs) {
                Document doc = stored.document(hit.doc);
                FileRecord record = new FileRecord(
                        doc.get(StoreSchema.SOURCE),
                        doc.get(StoreSchema.HASH),
                        doc.getField(StoreSchema.CHUNKS).numericValue().intValue());
                files.put(record.source(), record);
            }
            return files;
        } catch (IOException e) {
            throw StoreDirectory.damaged(dir, e);
        }
    }

    /**
     * Replaces everything stored for a file with its new chunks, atomically.
     *
     * @param file the file's new record
     * @param format the document format id
     * @param chunks its chunks, all with {@code source} equal to the record's
     */
    public void replace(FileRecord file, String format, List<StoredChunk> chunks) {
        List<Document> docs = new ArrayList<>(chunks.size() + 1);
        for (StoredChunk chunk : chunks) {
            if (!chunk.source().equals(file.source())) {
                throw new IllegalArgumentException("chunk of " + chunk.source() + " given for " + file.source());
            }
            if (chunk.vector().length != metadata.dimension()) {
                throw new IllegalArgumentException(
                        "vector of " + chunk.vector().length + " dimensions for a store of " + metadata.dimension());
            }
            docs.add(chunkDocument(chunk));
        }
        docs.add(fileDocument(file, format));
        try {
            writer.updateDocuments(new Term(StoreSchema.SOURCE, file.source()), docs);
        } catch (IOException e) {
            throw StoreDirectory.damaged(dir, e);
        }
    }

    /**
     * Removes a file's chunks and record.
     *
     * @param source the file's path as it was ingested
     */
    public void remove(String source) {
        try {
            writer.deleteDocuments(new Term(StoreSchema.SOURCE, source));
        } catch (IOException e) {
            throw StoreDirectory.damaged(dir, e);
        }
    }

    /** Makes the changes so far durable and visible to new readers, atomically. */
    public void commit() {
        try {
            writer.setLiveCommitData(metadata.toUserData().entrySet());
            writer.commit();
        } catch (IOException e) {
            throw StoreDirectory.damaged(dir, e);
        }
    }

    /** Closes the writer, discarding what was not committed. */
    @Override
    public void close() {
        try {
            writer.rollback();
            directory.close();
        } catch (IOException e) {
            throw StoreDirectory.damaged(dir, e);
        }
    }

    private static Document chunkDocument(StoredChunk stored) {
        Chunk chunk = stored.chunk();
        Document doc = new Document();
        doc.add(new StringField(StoreSchema.KIND, StoreSchema.KIND_CHUNK, Field.Store.NO));
        doc.add(new StringField(StoreSchema.SOURCE, stored.source(), Field.Store.YES));
        doc.add(new StringField(StoreSchema.FORMAT, stored.format(), Field.Store.YES));
        doc.add(new TextField(StoreSchema.TITLE, chunk.title(), Field.Store.YES));
        doc.add(new TextField(StoreSchema.SECTION, chunk.section(), Field.Store.YES));
        doc.add(new StoredField(StoreSchema.ANCHOR, chunk.anchor()));
        doc.add(new TextField(StoreSchema.TEXT, chunk.text(), Field.Store.YES));
        doc.add(new StoredField(StoreSchema.ORDINAL, chunk.ordinal()));
        stored.acl().stream()
                .sorted()
                .forEach(principal -> doc.add(new StringField(StoreSchema.ACL, principal, Field.Store.YES)));
        doc.add(new KnnFloatVectorField(StoreSchema.VECTOR, stored.vector(), StoreSchema.SIMILARITY));
        return doc;
    }

    private static Document fileDocument(FileRecord file, String format) {
        Document doc = new Document();
        doc.add(new StringField(StoreSchema.KIND, StoreSchema.KIND_FILE, Field.Store.NO));
        doc.add(new StringField(StoreSchema.SOURCE, file.source(), Field.Store.YES));
        doc.add(new StringField(StoreSchema.FORMAT, format, Field.Store.YES));
        doc.add(new StoredField(StoreSchema.HASH, file.hash()));
        doc.add(new StoredField(StoreSchema.CHUNKS, file.chunks()));
        return doc;
    }

    private static void closeQuietly(Directory directory) {
        try {
            directory.close();
        } catch (IOException suppressed) {
            // The open failure is the one worth reporting.
        }
    }
}
