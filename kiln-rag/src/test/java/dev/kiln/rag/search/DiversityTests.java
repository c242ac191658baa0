package dev.kiln.rag.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.rag.KnowledgeBase;
import dev.kiln.rag.embed.MiniLmEmbeddingModel;
import dev.kiln.rag.ingest.IngestListener;
import dev.kiln.rag.ingest.IngestOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Maximal marginal relevance over pages that say the same thing twice. */
class DiversityTests {
    private static final MiniLmEmbeddingModel MODEL = new MiniLmEmbeddingModel(2);

    @TempDir
    static Path tmp;

    private static KnowledgeBase kb;

    @BeforeAll
    static void ingest() throws IOException {
        Path docs = Files.createDirectories(tmp.resolve("docs"));
        Files.writeString(
                docs.resolve("backup.md"),
                "# Backing up the database\n\nTake a base backup of the database cluster every night and keep"
                        + " the archived write-ahead log, so the database can be backed up without stopping it.\n");
        Files.writeString(
                docs.resolve("backup-again.md"),
                "# Database backups\n\nEvery night, take a base backup of the database cluster and keep the"
                        + " archived write-ahead log: the database is backed up without being stopped.\n");
        Files.writeString(
                docs.resolve("restore.md"),
                "# Restoring after a failure\n\nTo recover the database, copy the last base backup back into"
                        + " place and replay the archived log up to the moment before the failure.\n");
        Files.writeString(
                docs.resolve("lunch.md"), "# Lunch\n\nThe cafeteria serves lasagne on Fridays and soup every day.\n");
        KnowledgeBase.ingest(tmp.resolve("store"), List.of(docs), IngestOptions.DEFAULTS, MODEL, IngestListener.NONE);
        kb = KnowledgeBase.open(tmp.resolve("store"), MODEL);
    }

    @AfterAll
    static void close() {
        kb.close();
        MODEL.close();
    }

    private static List<String> names(Retriever retriever) {
        return retriever.search(SearchRequest.of("back up the database without stopping it", Set.of(), 3)).stream()
                .map(h -> Path.of(h.source()).getFileName().toString())
                .toList();
    }

    private static HybridRetriever hybrid(double lambda) {
        return new HybridRetriever(
                new LexicalRetriever(kb.reader()),
                new DenseRetriever(kb.reader(), MODEL),
                HybridRetriever.Fusion.SCORES,
                HybridRetriever.DEFAULT_LEXICAL_WEIGHT,
                lambda);
    }

    @Test
    void relevanceAlonePutsTheTwoNearDuplicatesFirst() {
        assertThat(names(hybrid(HybridRetriever.NO_DIVERSITY)).subList(0, 2))
                .containsExactlyInAnyOrder("backup.md", "backup-again.md");
    }

    @Test
    void diversityMovesThePageThatAddsSomethingAboveTheDuplicate() {
        List<String> diverse = names(hybrid(0.5));
        assertThat(diverse).hasSize(3);
        assertThat(diverse.get(1)).isEqualTo("restore.md");
        assertThat(diverse.getFirst()).isIn("backup.md", "backup-again.md");
    }

    @Test
    void rejectsALambdaOutsideItsRange() {
        assertThatThrownBy(() -> hybrid(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> hybrid(1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
