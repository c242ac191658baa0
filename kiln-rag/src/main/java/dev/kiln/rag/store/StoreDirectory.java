package dev.kiln.rag.store;

import dev.kiln.rag.StoreException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/** Opens the Lucene directory of a store and turns Lucene's failures into messages for the user. */
final class StoreDirectory {
    private StoreDirectory() {}

    /** Opens an existing store's directory, or fails with what is wrong and what to do. */
    static Directory openExisting(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new StoreException(
                    "no store at " + dir + ": create one with 'kiln rag ingest --store " + dir + " PATH...'");
        }
        Directory directory = open(dir);
        try {
            if (!DirectoryReader.indexExists(directory)) {
                throw new StoreException(dir + " is not a Kiln RAG store (it holds no index); ingest into it with"
                        + " 'kiln rag ingest --store " + dir + " PATH...' if it is empty");
            }
            return directory;
        } catch (IOException e) {
            throw damaged(dir, e);
        }
    }

    /** Opens a directory for a new store, creating it; it must be new or empty. */
    static Directory openNew(Path dir) {
        try {
            Files.createDirectories(dir);
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new StoreException(dir + " is not empty and holds no Kiln RAG store; use a new or empty"
                            + " directory for --store");
                }
            }
        } catch (IOException e) {
            throw new StoreException("cannot create the store directory " + dir + ": " + e.getMessage(), e);
        }
        return open(dir);
    }

    /** Tells whether a directory holds a Lucene commit. */
    static boolean holdsIndex(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Directory directory = open(dir)) {
            return DirectoryReader.indexExists(directory);
        } catch (IOException e) {
            throw damaged(dir, e);
        }
    }

    /** Reads the metadata of the latest commit, checking that Kiln wrote it. */
    static StoreMetadata metadata(Path dir, Directory directory) {
        try {
            Map<String, String> userData =
                    SegmentInfos.readLatestCommit(directory).getUserData();
            if (!StoreMetadata.isPresentIn(userData)) {
                throw new StoreException(dir + " holds a Lucene index that Kiln did not write; use another --store");
            }
            StoreMetadata metadata = StoreMetadata.fromUserData(userData);
            if (metadata.format() != StoreMetadata.CURRENT_FORMAT) {
                throw new StoreException("the store at " + dir + " has layout " + metadata.format()
                        + " and this Kiln reads layout " + StoreMetadata.CURRENT_FORMAT
                        + "; delete it and ingest again");
            }
            return metadata;
        } catch (IOException e) {
            throw damaged(dir, e);
        }
    }

    /** Explains a Lucene failure on a store's files. */
    static StoreException damaged(Path dir, IOException e) {
        if (e instanceof LockObtainFailedException) {
            return new StoreException(
                    "the store at " + dir + " is being written by another process; wait for it" + " to finish", e);
        }
        if (e instanceof CorruptIndexException
                || e instanceof IndexFormatTooOldException
                || e instanceof IndexFormatTooNewException
                || e instanceof EOFException
                || e instanceof NoSuchFileException) {
            return new StoreException(
                    "the store at " + dir + " is damaged (" + e.getMessage()
                            + "); delete the directory and ingest again",
                    e);
        }
        return new StoreException("cannot read the store at " + dir + ": " + e, e);
    }

    private static Directory open(Path dir) {
        try {
            return FSDirectory.open(dir);
        } catch (IOException e) {
            throw damaged(dir, e);
        }
    }
}
