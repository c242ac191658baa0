package dev.kiln.rag.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.rag.HashingEmbeddingModel;
import dev.kiln.rag.KnowledgeBase;
import dev.kiln.rag.StoreException;
import dev.kiln.rag.TestCorpus;
import dev.kiln.rag.chunk.Chunk;
import dev.kiln.rag.ingest.IngestListener;
import dev.kiln.rag.ingest.IngestOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTests {
    private final HashingEmbeddingModel model = new HashingEmbeddingModel();

    @TempDir
    Path tmp;

    private Path ingested() {
        Path store = tmp.resolve("store");
        KnowledgeBase.ingest(
                store,
                List.of(TestCorpus.copyTo(tmp.resolve("docs"))),
                IngestOptions.DEFAULTS,
                model,
                IngestListener.NONE);
        return store;
    }

    @Test
    void aMissingStoreSaysHowToCreateOne() {
        Path store = tmp.resolve("absent");
        assertThatThrownBy(() -> StoreReader.open(store))
                .isInstanceOf(StoreException.class)
                .hasMessage(
                        "no store at " + store + ": create one with 'kiln rag ingest --store " + store + " PATH...'");
    }

    @Test
    void aDirectoryWithoutAStoreIsNotMistakenForOne() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("photos"));
        Files.writeString(dir.resolve("cat.jpg"), "meow");
        assertThatThrownBy(() -> StoreReader.open(dir))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("is not a Kiln RAG store");
        assertThatThrownBy(() -> StoreWriter.open(dir, model.name(), model.dimension()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("is not empty and holds no Kiln RAG store");
        assertThat(dir.resolve("cat.jpg")).hasContent("meow");
    }

    @Test
    void aCorruptedStoreGivesAClearError() throws IOException {
        Path store = ingested();
        Path biggest;
        try (Stream<Path> files = Files.list(store)) {
            biggest = files.filter(f -> !f.getFileName().toString().equals("write.lock"))
                    .max(Comparator.comparingLong(StoreTests::size))
                    .orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(biggest);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(biggest, bytes);
        assertThatThrownBy(() -> StoreReader.open(store))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("the store at " + store + " is damaged")
                .hasMessageEndingWith("delete the directory and ingest again");
    }

    @Test
    void aStoreWithItsCommitFileGoneIsDamagedOrAbsentNeverSilentlyEmpty() throws IOException {
        Path store = ingested();
        try (Stream<Path> files = Files.list(store)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("segments_"))
                    .toList()) {
                Files.delete(f);
            }
        }
        assertThatThrownBy(() -> StoreReader.open(store))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("is not a Kiln RAG store");
    }

    @Test
    void aStoreRefusesAnotherEmbeddingModel() {
        Path store = ingested();
        HashingEmbeddingModel other = new HashingEmbeddingModel("other-model");
        assertThatThrownBy(() -> StoreWriter.open(store, other.name(), other.dimension()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("was built with the embedding model hashing-64 (64 dimensions), not other-model");
    }

    @Test
    void aSecondWriterIsToldTheStoreIsBusy() {
        Path store = ingested();
        try (StoreWriter first = StoreWriter.open(store, model.name(), model.dimension())) {
            assertThat(first.files()).hasSize(6);
            assertThatThrownBy(() -> StoreWriter.open(store, model.name(), model.dimension()))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("is being written by another process");
        }
    }

    @Test
    void uncommittedWorkIsNotVisibleAndIsDiscardedOnClose() {
        Path store = ingested();
        try (StoreWriter writer = StoreWriter.open(store, model.name(), model.dimension())) {
            Chunk chunk = new Chunk("T", List.of(), "", "zanzibar", 0);
            writer.replace(
                    new FileRecord("x.md", "h", 1),
                    "markdown",
                    List.of(new StoredChunk(
                            "x.md", "markdown", chunk, Set.of(StoreSchema.EVERYONE), model.embed("zanzibar"))));
            writer.remove(tmp.resolve("docs/guide/backup.md").toString());
        }
        try (StoreWriter reopened = StoreWriter.open(store, model.name(), model.dimension())) {
            assertThat(reopened.files()).hasSize(6).doesNotContainKey("x.md");
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
