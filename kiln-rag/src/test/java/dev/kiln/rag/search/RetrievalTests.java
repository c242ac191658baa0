package dev.kiln.rag.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.rag.HashingEmbeddingModel;
import dev.kiln.rag.KnowledgeBase;
import dev.kiln.rag.StoreException;
import dev.kiln.rag.TestCorpus;
import dev.kiln.rag.embed.MiniLmEmbeddingModel;
import dev.kiln.rag.ingest.IngestListener;
import dev.kiln.rag.ingest.IngestOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Retrieval over the test corpus with the real MiniLM model. */
class RetrievalTests {
    private static final MiniLmEmbeddingModel MODEL = new MiniLmEmbeddingModel(2);

    @TempDir
    static Path tmp;

    private static Path docs;
    private static KnowledgeBase kb;

    @BeforeAll
    static void ingest() {
        docs = TestCorpus.copyTo(tmp.resolve("docs"));
        KnowledgeBase.ingest(tmp.resolve("store"), List.of(docs), IngestOptions.DEFAULTS, MODEL, IngestListener.NONE);
        kb = KnowledgeBase.open(tmp.resolve("store"), MODEL);
    }

    @AfterAll
    static void close() {
        kb.close();
        MODEL.close();
    }

    private static List<SearchHit> search(SearchMode mode, String query, String... principals) {
        return kb.search(mode, SearchRequest.of(query, Set.of(principals), 3));
    }

    private static String source(String relative) {
        return docs.resolve(relative).toString();
    }

    @ParameterizedTest
    @EnumSource(SearchMode.class)
    void everyModeFindsThePageForAParameterLookup(SearchMode mode) {
        assertThat(search(mode, "journal_flush_interval default value")).first().satisfies(hit -> {
            assertThat(hit.source()).isEqualTo(source("guide/tuning.html"));
            assertThat(hit.anchor()).isEqualTo("flush-interval");
            assertThat(hit.section()).isEqualTo("Tuning message throughput > journal_flush_interval");
            assertThat(hit.text()).contains("The default is 200");
        });
    }

    @Test
    void denseFindsAParaphraseThatSharesNoWordsWithThePage() {
        assertThat(search(SearchMode.DENSE, "undo a disaster using archived duplicates"))
                .first()
                .extracting(SearchHit::source)
                .isEqualTo(source("guide/backup.md"));
        assertThat(search(SearchMode.BM25, "undo a disaster using archived duplicates"))
                .isEmpty();
    }

    @Test
    void hybridKeepsWhatEitherSideFinds() {
        assertThat(search(SearchMode.HYBRID, "undo a disaster using archived duplicates"))
                .first()
                .extracting(SearchHit::source)
                .isEqualTo(source("guide/backup.md"));
        assertThat(search(SearchMode.HYBRID, "orbit status journal directory"))
                .first()
                .extracting(SearchHit::source)
                .isEqualTo(source("guide/install.html"));
    }

    @Test
    void scoreFusionAddsEachPagesCosineAndItsShareOfTheBestBm25Score() {
        String query = "orbit journal flush interval";
        SearchRequest wide = SearchRequest.of(query, Set.of(), 10);
        java.util.Map<String, Double> cosine = new java.util.HashMap<>();
        kb.search(SearchMode.DENSE, wide).forEach(h -> cosine.put(h.source(), h.score()));
        java.util.Map<String, Double> bm25 = new java.util.HashMap<>();
        kb.search(SearchMode.BM25, wide).forEach(h -> bm25.put(h.source(), h.score()));
        double best =
                bm25.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        List<SearchHit> hybrid = kb.search(SearchMode.HYBRID, wide);
        assertThat(hybrid).hasSizeGreaterThan(2);
        for (SearchHit hit : hybrid) {
            double expected = cosine.getOrDefault(hit.source(), Double.NaN)
                    + HybridRetriever.DEFAULT_LEXICAL_WEIGHT * bm25.getOrDefault(hit.source(), 0.0) / best;
            assertThat(hit.score()).as(hit.source()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-4));
        }
        assertThat(hybrid).extracting(SearchHit::score).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @ParameterizedTest
    @EnumSource(SearchMode.class)
    void returnsAtMostOneHitPerPage(SearchMode mode) {
        List<SearchHit> hits = kb.search(mode, SearchRequest.of("orbit server journal", Set.of(), 10));
        assertThat(hits).extracting(SearchHit::source).doesNotHaveDuplicates();
        assertThat(hits).hasSizeLessThanOrEqualTo(4);
    }

    @ParameterizedTest
    @EnumSource(SearchMode.class)
    void metadataFiltersRestrictFormatAndSource(SearchMode mode) {
        MetadataFilter markdownOnly = new MetadataFilter(Set.of("markdown"), List.of());
        assertThat(kb.search(mode, new SearchRequest("orbit journal", Set.of(), 5, markdownOnly)))
                .isNotEmpty()
                .allSatisfy(h -> assertThat(h.source()).endsWith(".md"));
        MetadataFilter notes = new MetadataFilter(Set.of(), List.of(source("notes")));
        assertThat(kb.search(mode, new SearchRequest("orbit", Set.of(), 5, notes)))
                .extracting(SearchHit::source)
                .containsExactly(source("notes/release.txt"));
    }

    @ParameterizedTest
    @EnumSource(SearchMode.class)
    void documentsOutsideThePrincipalsAccessListAreNeverReturned(SearchMode mode) {
        assertThat(search(mode, "salary bands engineering euros"))
                .extracting(SearchHit::source)
                .doesNotContain(source("policies/salaries.md"));
        assertThat(search(mode, "salary bands engineering euros", "hr"))
                .extracting(SearchHit::source)
                .first()
                .isEqualTo(source("policies/salaries.md"));
    }

    @Test
    void aStoreBuiltWithAnotherModelCannotBeSearchedByMeaning() {
        try (KnowledgeBase other = KnowledgeBase.open(tmp.resolve("store"), new HashingEmbeddingModel())) {
            assertThat(other.search(SearchMode.BM25, SearchRequest.of("snapshot", Set.of(), 1)))
                    .hasSize(1);
            assertThatThrownBy(() -> other.search(SearchMode.DENSE, SearchRequest.of("snapshot", Set.of(), 1)))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("was built with the embedding model all-minilm-l6-v2");
        }
    }
}
