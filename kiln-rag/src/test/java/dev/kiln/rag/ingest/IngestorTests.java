package dev.kiln.rag.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.rag.HashingEmbeddingModel;
import dev.kiln.rag.KnowledgeBase;
import dev.kiln.rag.RagException;
import dev.kiln.rag.TestCorpus;
import dev.kiln.rag.search.SearchHit;
import dev.kiln.rag.search.SearchMode;
import dev.kiln.rag.search.SearchRequest;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestorTests {
    private final HashingEmbeddingModel model = new HashingEmbeddingModel();

    @TempDir
    Path tmp;

    private IngestReport ingest(Path store, Path... paths) {
        return KnowledgeBase.ingest(store, List.of(paths), IngestOptions.DEFAULTS, model, IngestListener.NONE);
    }

    private List<SearchHit> search(Path store, String query, String... principals) {
        try (KnowledgeBase kb = KnowledgeBase.open(store, model)) {
            return kb.search(SearchMode.BM25, SearchRequest.of(query, Set.of(principals), 10));
        }
    }

    @Test
    void ingestsEveryReadableFileOfADirectoryRecursively() {
        Path docs = TestCorpus.copyTo(tmp.resolve("docs"));
        IngestReport report = ingest(tmp.resolve("store"), docs);
        assertThat(report.added()).isEqualTo(6);
        assertThat(report.skipped()).isEmpty();
        assertThat(report.chunksWritten()).isGreaterThanOrEqualTo(6);
        assertThat(search(tmp.resolve("store"), "journal flush interval"))
                .extracting(SearchHit::source)
                .first()
                .isEqualTo(docs.resolve("guide/tuning.html").toString());
    }

    @Test
    void reingestSkipsUnchangedFilesRewritesChangedOnesAndRemovesDeletedOnes() throws IOException {
        Path docs = TestCorpus.copyTo(tmp.resolve("docs"));
        Path store = tmp.resolve("store");
        ingest(store, docs);
        Files.writeString(docs.resolve("notes/release.txt"), "Orbit 3.3 release notes\n\nAdds quorum queues.");
        Files.delete(docs.resolve("guide/backup.md"));

        IngestReport again = ingest(store, docs);

        assertThat(again.unchanged()).isEqualTo(4);
        assertThat(again.updated()).isEqualTo(1);
        assertThat(again.removed()).isEqualTo(1);
        assertThat(again.added()).isZero();
        assertThat(search(store, "quorum queues"))
                .extracting(SearchHit::source)
                .containsExactly(docs.resolve("notes/release.txt").toString());
        assertThat(search(store, "encryption keyring")).isEmpty();
        assertThat(search(store, "nightly backup cron")).isEmpty();
    }

    @Test
    void nothingChangedMeansNothingWritten() {
        Path docs = TestCorpus.copyTo(tmp.resolve("docs"));
        Path store = tmp.resolve("store");
        ingest(store, docs);
        IngestReport again = ingest(store, docs);
        assertThat(again.unchanged()).isEqualTo(6);
        assertThat(again.chunksWritten()).isZero();
        assertThat(again.added() + again.updated() + again.removed()).isZero();
    }

    @Test
    void ingestingOneDirectoryDoesNotRemoveFilesOfAnother() throws IOException {
        Path docs = TestCorpus.copyTo(tmp.resolve("docs"));
        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(other.resolve("x.md"), "# Zebra\n\nstriped horses");
        Path store = tmp.resolve("store");
        ingest(store, docs);
        IngestReport report = ingest(store, other);
        assertThat(report.removed()).isZero();
        assertThat(search(store, "zebra")).hasSize(1);
        assertThat(search(store, "nightly backup")).hasSize(1);
    }

    @Test
    void badFilesAreReportedAndSkippedWithoutStoppingTheIngest() throws IOException {
        Path docs = Files.createDirectories(tmp.resolve("docs"));
        Files.writeString(docs.resolve("good.md"), "# Good\n\nreadable text about brokers");
        Files.write(docs.resolve("binary.txt"), new byte[] {'G', 'I', 'F', '8', 0, 1, 2, 3});
        Files.createFile(docs.resolve("empty.md"));
        Files.writeString(docs.resolve("blank.html"), "<html><body><nav>menu only</nav></body></html>");
        Files.writeString(docs.resolve("broken.pdf"), "%PDF-1.4 not really a pdf");
        try (RandomAccessFile huge =
                new RandomAccessFile(docs.resolve("huge.txt").toFile(), "rw")) {
            huge.setLength(100L * 1024 * 1024); // sparse: costs no disk
        }
        Files.writeString(docs.resolve("picture.png"), "not a document format; ignored");
        List<SkippedFile> heard = new ArrayList<>();
        IngestListener listener = new IngestListener() {
            @Override
            public void skipped(SkippedFile skipped) {
                heard.add(skipped);
            }
        };

        IngestReport report =
                KnowledgeBase.ingest(tmp.resolve("store"), List.of(docs), IngestOptions.DEFAULTS, model, listener);

        assertThat(report.added()).isEqualTo(1);
        assertThat(report.skipped()).isEqualTo(heard);
        assertThat(report.skipped())
                .extracting(s -> Path.of(s.source()).getFileName().toString(), SkippedFile::reason)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("binary.txt", "binary content (a NUL byte at offset 4)"),
                        org.assertj.core.groups.Tuple.tuple("empty.md", "empty file"),
                        org.assertj.core.groups.Tuple.tuple("blank.html", "no text in it"),
                        org.assertj.core.groups.Tuple.tuple("huge.txt", "too large (100.0 MiB; the limit is 50.0 MiB)"),
                        org.assertj.core.groups.Tuple.tuple(
                                "broken.pdf",
                                report.skipped().stream()
                                        .filter(s -> s.source().endsWith("broken.pdf"))
                                        .findFirst()
                                        .orElseThrow()
                                        .reason()));
        assertThat(report.skipped())
                .filteredOn(s -> s.source().endsWith("broken.pdf"))
                .singleElement()
                .satisfies(s -> assertThat(s.reason()).startsWith("malformed PDF"));
    }

    @Test
    void aFileThatBecomesUnreadableIsRemovedFromTheStore() throws IOException {
        Path docs = Files.createDirectories(tmp.resolve("docs"));
        Path file = docs.resolve("a.md");
        Files.writeString(file, "# A\n\nsecret launch codes");
        Path store = tmp.resolve("store");
        ingest(store, docs);
        Files.write(file, new byte[] {0, 0, 0});
        IngestReport report = ingest(store, docs);
        assertThat(report.removed()).isEqualTo(1);
        assertThat(report.skipped()).hasSize(1);
        assertThat(search(store, "launch codes")).isEmpty();
    }

    @Test
    void aMissingPathIsAnErrorAndChangesNothing() {
        Path docs = TestCorpus.copyTo(tmp.resolve("docs"));
        Path store = tmp.resolve("store");
        ingest(store, docs);
        assertThatThrownBy(() -> ingest(store, docs, tmp.resolve("nope")))
                .isInstanceOf(RagException.class)
                .hasMessage("no such file or directory: " + tmp.resolve("nope"));
        assertThat(search(store, "nightly backup")).hasSize(1);
    }

    @Test
    void sourcesAreThePathsAsGiven() {
        Path docs = TestCorpus.copyTo(tmp.resolve("docs"));
        Path single = docs.resolve("guide/backup.md");
        ingest(tmp.resolve("store"), single);
        assertThat(search(tmp.resolve("store"), "snapshot"))
                .extracting(SearchHit::source)
                .containsExactly(single.toString());
    }

    @Test
    void sidecarsDecideWhoMayReadAndAChangedAccessListReindexesTheFile() throws IOException {
        Path docs = TestCorpus.copyTo(tmp.resolve("docs"));
        Path store = tmp.resolve("store");
        ingest(store, docs);
        assertThat(search(store, "salary bands")).isEmpty();
        assertThat(search(store, "salary bands", "engineering")).isEmpty();
        assertThat(search(store, "salary bands", "hr")).hasSize(1);
        assertThat(search(store, "on-call rota pager", "engineering")).hasSize(1);
        assertThat(search(store, "on-call rota pager", "sales")).isEmpty();

        Files.writeString(docs.resolve("policies/salaries.md.acl"), "hr\nengineering\n");
        IngestReport again = ingest(store, docs);
        assertThat(again.updated()).isEqualTo(1);
        assertThat(search(store, "salary bands", "engineering")).hasSize(1);
    }

    @Test
    void theDefaultAccessListAppliesToFilesWithoutSidecars() {
        Path docs = TestCorpus.copyTo(tmp.resolve("docs"));
        Path store = tmp.resolve("store");
        KnowledgeBase.ingest(
                store,
                List.of(docs),
                IngestOptions.DEFAULTS.withDefaultAcl(Set.of("staff")),
                model,
                IngestListener.NONE);
        assertThat(search(store, "nightly backup")).isEmpty();
        assertThat(search(store, "nightly backup", "staff")).hasSize(1);
        assertThat(search(store, "salary bands", "staff")).isEmpty();
    }

    @Test
    void anEmptySidecarMeansNobodyAndTheFileIsNotIngested() throws IOException {
        Path docs = Files.createDirectories(tmp.resolve("docs"));
        Files.writeString(docs.resolve("a.md"), "# A\n\ntext");
        Files.writeString(docs.resolve("a.md.acl"), "# nobody\n");
        IngestReport report = ingest(tmp.resolve("store"), docs);
        assertThat(report.added()).isZero();
        assertThat(report.skipped())
                .singleElement()
                .satisfies(s -> assertThat(s.reason()).contains("nobody may read it"));
    }
}
