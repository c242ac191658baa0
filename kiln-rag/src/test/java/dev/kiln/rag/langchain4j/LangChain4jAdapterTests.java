package dev.kiln.rag.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.rag.HashingEmbeddingModel;
import dev.kiln.rag.KnowledgeBase;
import dev.kiln.rag.TestCorpus;
import dev.kiln.rag.ingest.IngestListener;
import dev.kiln.rag.ingest.IngestOptions;
import dev.kiln.rag.search.MetadataFilter;
import dev.kiln.rag.search.SearchMode;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.rag.AugmentationRequest;
import dev.langchain4j.rag.AugmentationResult;
import dev.langchain4j.rag.DefaultRetrievalAugmentor;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.content.retriever.EmbeddingStoreContentRetriever;
import dev.langchain4j.rag.query.Metadata;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.filter.MetadataFilterBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The LangChain4j adapters, used through LangChain4j's own augmentor and retriever. */
class LangChain4jAdapterTests {
    private static final HashingEmbeddingModel KILN_MODEL = new HashingEmbeddingModel();

    @TempDir
    static Path tmp;

    private static KnowledgeBase kb;

    @BeforeAll
    static void ingest() {
        Path docs = TestCorpus.copyTo(tmp.resolve("docs"));
        Path store = tmp.resolve("store");
        KnowledgeBase.ingest(store, List.of(docs), IngestOptions.DEFAULTS, KILN_MODEL, IngestListener.NONE);
        kb = KnowledgeBase.open(store, KILN_MODEL);
    }

    @AfterAll
    static void close() {
        kb.close();
    }

    /** The test model seen as a LangChain4j embedding model, as an application would hold it. */
    private static final EmbeddingModel LC4J_MODEL = new EmbeddingModel() {
        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            return Response.from(
                    KILN_MODEL.embedAll(segments.stream().map(TextSegment::text).toList()).stream()
                            .map(Embedding::from)
                            .toList());
        }

        @Override
        public int dimension() {
            return KILN_MODEL.dimension();
        }
    };

    private static AugmentationResult augment(ContentRetriever retriever, String question, Object memoryId) {
        UserMessage message = UserMessage.from(question);
        DefaultRetrievalAugmentor augmentor =
                DefaultRetrievalAugmentor.builder().contentRetriever(retriever).build();
        return augmentor.augment(new AugmentationRequest(message, Metadata.from(message, memoryId, List.of())));
    }

    @Test
    void theAugmentorInjectsKilnsBestChunkWithItsSourceSectionAnchorAndScore() {
        ContentRetriever retriever = KilnContentRetriever.of(kb, SearchMode.HYBRID, 3, Set.of("alice"));

        AugmentationResult result = augment(retriever, "How do I restore from a snapshot?", "alice");

        assertThat(result.contents()).isNotEmpty().hasSizeLessThanOrEqualTo(3);
        Content best = result.contents().getFirst();
        var metadata = best.textSegment().metadata();
        assertThat(metadata.getString(KilnContentRetriever.SOURCE)).endsWith("guide/backup.md");
        assertThat(metadata.getString(KilnContentRetriever.SECTION)).contains("Restoring from a snapshot");
        assertThat(metadata.getString(KilnContentRetriever.ANCHOR)).isNotEmpty();
        assertThat(metadata.getString(KilnContentRetriever.TITLE)).isNotEmpty();
        assertThat(best.metadata().get(ContentMetadata.SCORE))
                .isEqualTo(metadata.getDouble(KilnContentRetriever.SCORE));
        assertThat(((UserMessage) result.chatMessage()).singleText())
                .contains("How do I restore from a snapshot?")
                .contains("orbit restore --from /srv/backups/latest");
    }

    @Test
    void contentsComeFromDistinctPagesBestFirstAndAtMostTopK() {
        List<Content> contents =
                KilnContentRetriever.of(kb, SearchMode.BM25, 2, Set.of()).retrieve(Query.from("backup journal server"));

        assertThat(contents).hasSizeLessThanOrEqualTo(2);
        List<String> sources = contents.stream()
                .map(c -> c.textSegment().metadata().getString(KilnContentRetriever.SOURCE))
                .toList();
        assertThat(sources).doesNotHaveDuplicates();
        List<Double> scores = contents.stream()
                .map(c -> (Double) c.metadata().get(ContentMetadata.SCORE))
                .toList();
        assertThat(scores).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void aRestrictedDocumentReachesTheModelOnlyForItsReaders() {
        String question = "salary bands for junior and senior engineers in euros";
        for (SearchMode mode : SearchMode.values()) {
            List<String> forAlice = sources(KilnContentRetriever.of(kb, mode, 10, Set.of("alice")), question);
            List<String> forHr = sources(KilnContentRetriever.of(kb, mode, 10, Set.of("hr")), question);
            assertThat(forAlice).as(mode.id()).noneMatch(s -> s.endsWith("salaries.md"));
            assertThat(forHr).as(mode.id()).anyMatch(s -> s.endsWith("salaries.md"));
        }
    }

    @Test
    void principalsCanComeFromEachQuerysChatMemoryId() {
        ContentRetriever perUser = new KilnContentRetriever(
                kb,
                SearchMode.HYBRID,
                5,
                query -> Set.of(String.valueOf(query.metadata().chatMemoryId())),
                MetadataFilter.NONE);
        String question = "salary bands for junior and senior engineers in euros";

        assertThat(augment(perUser, question, "hr").contents())
                .anyMatch(c -> c.textSegment().text().contains("52,000"));
        assertThat(augment(perUser, question, "bob").contents())
                .noneMatch(c -> c.textSegment().text().contains("52,000"));
    }

    @Test
    void aMetadataFilterRestrictsTheRetrieverInsideTheSearch() {
        ContentRetriever htmlOnly = new KilnContentRetriever(
                kb, SearchMode.HYBRID, 5, query -> Set.of(), new MetadataFilter(Set.of("html"), List.of()));

        assertThat(sources(htmlOnly, "restore backup snapshot journal"))
                .isNotEmpty()
                .allMatch(s -> s.endsWith(".html"));
    }

    @Test
    void topKBelowOneIsRefused() {
        assertThatThrownBy(() -> KilnContentRetriever.of(kb, SearchMode.BM25, 0, Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("top-k");
    }

    @Test
    void embeddingStoreContentRetrieverFindsThePageThroughTheReadOnlyView() {
        ContentRetriever retriever = EmbeddingStoreContentRetriever.builder()
                .embeddingStore(new KilnEmbeddingStore(kb, Set.of("alice")))
                .embeddingModel(LC4J_MODEL)
                .maxResults(3)
                .build();

        List<Content> contents =
                retriever.retrieve(Query.from("Stop the server, run orbit restore, then start it again"));

        assertThat(contents).isNotEmpty().hasSizeLessThanOrEqualTo(3);
        assertThat(contents.getFirst().textSegment().metadata().getString(KilnContentRetriever.SOURCE))
                .endsWith("guide/backup.md");
        assertThat(contents)
                .allSatisfy(c -> assertThat((Double) c.metadata().get(ContentMetadata.SCORE))
                        .isBetween(0.0, 1.0));
    }

    @Test
    void theViewsMinScoreIsLangChain4jsRelevanceScore() {
        KilnEmbeddingStore store = new KilnEmbeddingStore(kb, Set.of());
        Embedding query = LC4J_MODEL.embed("orbit restore snapshot").content();

        var all = store.search(EmbeddingSearchRequest.builder()
                        .queryEmbedding(query)
                        .maxResults(10)
                        .build())
                .matches();
        double best = all.getFirst().score();
        var strict = store.search(EmbeddingSearchRequest.builder()
                        .queryEmbedding(query)
                        .maxResults(10)
                        .minScore(best)
                        .build())
                .matches();

        assertThat(all.size()).isGreaterThan(1);
        assertThat(strict).hasSizeLessThan(all.size()).allMatch(m -> m.score() >= best);
        assertThat(all.getFirst().embeddingId())
                .startsWith(all.getFirst().embedded().metadata().getString("source"));
    }

    @Test
    void theViewNeverReturnsAChunkItsPrincipalsMayNotRead() {
        Embedding query = LC4J_MODEL
                .embed("Engineering salary bands for 2026 junior senior euros")
                .content();
        var request = EmbeddingSearchRequest.builder()
                .queryEmbedding(query)
                .maxResults(20)
                .build();

        assertThat(new KilnEmbeddingStore(kb, Set.of("alice")).search(request).matches())
                .noneMatch(m -> m.embedded().text().contains("52,000"));
        assertThat(new KilnEmbeddingStore(kb, Set.of("hr"))
                        .search(request)
                        .matches()
                        .getFirst()
                        .embedded()
                        .text())
                .contains("52,000");
    }

    @Test
    void writesAreUnsupportedAndSayToIngestInstead() {
        KilnEmbeddingStore store = new KilnEmbeddingStore(kb, Set.of());
        Embedding embedding = LC4J_MODEL.embed("anything").content();
        List<Runnable> writes = List.of(
                () -> store.add(embedding),
                () -> store.add("id", embedding),
                () -> store.add(embedding, TextSegment.from("text")),
                () -> store.addAll(List.of(embedding)),
                () -> store.addAll(List.of(embedding), List.of(TextSegment.from("text"))),
                () -> store.addAll(List.of("id"), List.of(embedding), List.of(TextSegment.from("text"))),
                () -> store.remove("id"),
                () -> store.removeAll(List.of("id")),
                () -> store.removeAll(
                        MetadataFilterBuilder.metadataKey("source").isEqualTo("x")),
                store::removeAll);
        for (Runnable write : writes) {
            assertThatThrownBy(write::run)
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("written only by ingest");
        }
    }

    @Test
    void aFilterOrAForeignDimensionIsRefusedWithWhatToDoInstead() {
        KilnEmbeddingStore store = new KilnEmbeddingStore(kb, Set.of());
        Embedding query = LC4J_MODEL.embed("restore").content();

        assertThatThrownBy(() -> store.search(EmbeddingSearchRequest.builder()
                        .queryEmbedding(query)
                        .filter(MetadataFilterBuilder.metadataKey("source").isEqualTo("x"))
                        .build()))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("MetadataFilter");
        assertThatThrownBy(() -> store.search(EmbeddingSearchRequest.builder()
                        .queryEmbedding(Embedding.from(new float[384]))
                        .build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("384 dimensions")
                .hasMessageContaining("hashing-64");
    }

    private static List<String> sources(ContentRetriever retriever, String question) {
        return retriever.retrieve(Query.from(question)).stream()
                .map(c -> c.textSegment().metadata().getString(KilnContentRetriever.SOURCE))
                .toList();
    }
}
