package dev.kiln.rag.ingest;

import dev.kiln.rag.RagException;
import dev.kiln.rag.chunk.Chunk;
import dev.kiln.rag.chunk.StructureAwareChunker;
import dev.kiln.rag.document.DocumentFormat;
import dev.kiln.rag.document.DocumentParsers;
import dev.kiln.rag.document.ParsedDocument;
import dev.kiln.rag.embed.EmbeddingModel;
import dev.kiln.rag.store.FileRecord;
import dev.kiln.rag.store.StoreWriter;
import dev.kiln.rag.store.StoredChunk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Brings a store up to date with files and directories: new and changed files are parsed, chunked,
 * embedded and written; unchanged ones (same content hash, access list and settings) are skipped;
 * files that disappeared from under an ingested path are removed; files that cannot be read are
 * reported and skipped without stopping the ingest.
 *
 * <p>Embedding is batched across files. Work is committed every {@link IngestOptions#commitEvery()}
 * written files and at the end, so an interrupted ingest resumes where it stopped.
 */
public final class Ingestor {
    private static final int EMBED_BATCH_CHUNKS = 256;

    private final EmbeddingModel model;
    private final StructureAwareChunker chunker;

    /**
     * Creates an ingestor.
     *
     * @param model the embedding model, the one the store was built with
     * @param chunker how to split documents
     */
    public Ingestor(EmbeddingModel model, StructureAwareChunker chunker) {
        this.model = model;
        this.chunker = chunker;
    }

    /**
     * Ingests files and directories (recursively) into a store and commits.
     *
     * @param store the store
     * @param paths files and directories, as the user gave them; sources are recorded under these names
     * @param options access list, size limit, commit interval
     * @param listener hears progress
     * @return what was done
     * @throws RagException when a path does not exist (nothing is changed then)
     */
    public IngestReport ingest(StoreWriter store, List<Path> paths, IngestOptions options, IngestListener listener) {
        long start = System.nanoTime();
        List<FileWalker.Candidate> candidates = FileWalker.candidates(paths);
        listener.started(candidates.size());
        Run run = new Run(store, options, listener, store.files());
        for (FileWalker.Candidate candidate : candidates) {
            run.consider(candidate);
        }
        run.flush();
        run.removeMissing(paths);
        store.commit();
        listener.committed(run.done);
        return new IngestReport(
                run.added,
                run.updated,
                run.unchanged,
                run.removed,
                run.chunksWritten,
                run.skipped,
                Duration.ofNanos(System.nanoTime() - start));
    }

    private String settings() {
        return "parsers/1;" + chunker.settings() + ";" + model.name();
    }

    /** A file parsed and chunked, waiting for its embeddings. */
    private record Pending(FileRecord record, String format, Set<String> acl, List<Chunk> chunks, boolean isNew) {}

    /** The state of one ingest. */
    private final class Run {
        private final StoreWriter store;
        private final IngestOptions options;
        private final IngestListener listener;
        private final Map<String, FileRecord> existing;
        private final Set<String> seen = new HashSet<>();
        private final List<SkippedFile> skipped = new ArrayList<>();
        private final List<Pending> pending = new ArrayList<>();
        private int pendingChunks;
        private int added;
        private int updated;
        private int unchanged;
        private int removed;
        private int chunksWritten;
        private int done;
        private int writtenSinceCommit;

        Run(StoreWriter store, IngestOptions options, IngestListener listener, Map<String, FileRecord> existing) {
            this.store = store;
            this.options = options;
            this.listener = listener;
            this.existing = existing;
        }

        void consider(FileWalker.Candidate candidate) {
            try {
                prepare(candidate);
            } catch (IOException | RuntimeException e) {
                // One bad file (unreadable, malformed, a parser bug) must not stop the others.
                skip(candidate.source(), reason(e));
            }
            if (pendingChunks >= EMBED_BATCH_CHUNKS) {
                flush();
            }
        }

        private void prepare(FileWalker.Candidate candidate) throws IOException {
            String source = candidate.source();
            long size = Files.size(candidate.file());
            if (size > options.maxFileBytes()) {
                skip(
                        source,
                        String.format(
                                Locale.ROOT,
                                "too large (%.1f MiB; the limit is %.1f MiB)",
                                size / 1048576.0,
                                options.maxFileBytes() / 1048576.0));
                return;
            }
            if (size == 0) {
                skip(source, "empty file");
                return;
            }
            Set<String> acl = new TreeSet<>(AccessLists.of(candidate.file(), candidate.root(), options.defaultAcl()));
            if (acl.isEmpty()) {
                skip(source, "its access list is empty, so nobody may read it");
                return;
            }
            byte[] content = Files.readAllBytes(candidate.file());
            String hash = ContentHash.of(content, acl, settings());
            FileRecord old = existing.get(source);
            if (old != null && old.hash().equals(hash)) {
                seen.add(source);
                unchanged++;
                done++;
                listener.file(source, FileOutcome.UNCHANGED, old.chunks());
                return;
            }
            DocumentFormat format = candidate.format();
            ParsedDocument document = DocumentParsers.forFormat(format).parse(content, fileName(candidate.file()));
            List<Chunk> chunks = chunker.chunk(document);
            if (chunks.isEmpty()) {
                skip(source, "no text in it");
                return;
            }
            seen.add(source);
            pending.add(
                    new Pending(new FileRecord(source, hash, chunks.size()), format.id(), acl, chunks, old == null));
            pendingChunks += chunks.size();
        }

        void flush() {
            if (pending.isEmpty()) {
                return;
            }
            List<String> texts = pending.stream()
                    .flatMap(p -> p.chunks().stream())
                    .map(Chunk::contextualText)
                    .toList();
            List<float[]> vectors = model.embedAll(texts);
            int next = 0;
            for (Pending file : pending) {
                List<StoredChunk> stored = new ArrayList<>(file.chunks().size());
                for (Chunk chunk : file.chunks()) {
                    stored.add(new StoredChunk(
                            file.record().source(), file.format(), chunk, file.acl(), vectors.get(next++)));
                }
                store.replace(file.record(), file.format(), stored);
                chunksWritten += stored.size();
                if (file.isNew()) {
                    added++;
                } else {
                    updated++;
                }
                done++;
                writtenSinceCommit++;
                listener.file(
                        file.record().source(), file.isNew() ? FileOutcome.ADDED : FileOutcome.UPDATED, stored.size());
            }
            pending.clear();
            pendingChunks = 0;
            if (writtenSinceCommit >= options.commitEvery()) {
                store.commit();
                writtenSinceCommit = 0;
                listener.committed(done);
            }
        }

        /**
         * Removes files that are gone, and files skipped this time: what the store holds for those is
         * stale, and keeping it would serve content (or an access list) the file no longer has.
         */
        void removeMissing(List<Path> paths) {
            for (String source : new TreeSet<>(existing.keySet())) {
                if (!seen.contains(source) && FileWalker.isUnder(source, paths)) {
                    store.remove(source);
                    removed++;
                    listener.file(source, FileOutcome.REMOVED, 0);
                }
            }
        }

        private void skip(String source, String reason) {
            SkippedFile file = new SkippedFile(source, reason);
            skipped.add(file);
            done++;
            listener.skipped(file);
        }

        private static String reason(Exception e) {
            if (e instanceof RagException) {
                return Objects.requireNonNullElse(e.getMessage(), e.toString());
            }
            if (e instanceof IOException) {
                return "cannot read it: " + e;
            }
            return "cannot parse it: " + e;
        }

        private static String fileName(Path file) {
            Path name = file.getFileName();
            return name == null ? file.toString() : name.toString();
        }
    }
}
