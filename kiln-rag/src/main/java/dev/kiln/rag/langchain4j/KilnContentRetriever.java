package dev.kiln.rag.langchain4j;

import dev.kiln.rag.KnowledgeBase;
import dev.kiln.rag.search.MetadataFilter;
import dev.kiln.rag.search.SearchHit;
import dev.kiln.rag.search.SearchMode;
import dev.kiln.rag.search.SearchRequest;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A LangChain4j {@link ContentRetriever} over a Kiln {@link KnowledgeBase}: each query runs as Kiln's BM25,
 * dense or hybrid search, as a principal, with the access filter inside the search, and returns at most
 * {@code topK} contents from distinct pages, best first.
 *
 * <p>Each content's {@link TextSegment} carries the chunk's text and the metadata {@value #SOURCE},
 * {@value #TITLE}, {@value #SECTION}, {@value #ANCHOR} (strings, empty when absent) and {@value #SCORE}
 * (a double); the content's {@link ContentMetadata#SCORE} holds the same score. Scores are the mode's own
 * (BM25, cosine similarity, or the fused score) and comparable only within one mode.
 *
 * <pre>{@code
 * ContentRetriever retriever = KilnContentRetriever.of(kb, SearchMode.HYBRID, 5, Set.of("alice"));
 * RetrievalAugmentor augmentor = DefaultRetrievalAugmentor.builder().contentRetriever(retriever).build();
 * }</pre>
 *
 * <p>For a service with many users, {@link #KilnContentRetriever(KnowledgeBase, SearchMode, int, Function,
 * MetadataFilter)} derives the principals from each query, for example from its chat memory id.
 */
public final class KilnContentRetriever implements ContentRetriever {
    /** Metadata key of the file's path as given to ingest. */
    public static final String SOURCE = "source";

    /** Metadata key of the document title. */
    public static final String TITLE = "title";

    /** Metadata key of the section path, headings joined by {@code " > "}. */
    public static final String SECTION = "section";

    /** Metadata key of the section's fragment. */
    public static final String ANCHOR = "anchor";

    /** Metadata key of the retrieval score. */
    public static final String SCORE = "score";

    private final KnowledgeBase knowledgeBase;
    private final SearchMode mode;
    private final int topK;
    private final Function<Query, Set<String>> principals;
    private final MetadataFilter filter;

    /**
     * Creates a retriever whose principals may differ from query to query.
     *
     * @param knowledgeBase the store to search; the caller keeps it open while the retriever is used
     * @param mode how to rank
     * @param topK how many contents at most per query, at least 1
     * @param principals who is asking, given the query; an empty set sees only documents readable by everyone
     * @param filter metadata restrictions applied inside every search
     * @throws IllegalArgumentException if {@code topK} is below 1
     */
    public KilnContentRetriever(
            KnowledgeBase knowledgeBase,
            SearchMode mode,
            int topK,
            Function<Query, Set<String>> principals,
            MetadataFilter filter) {
        if (topK < 1) {
            throw new IllegalArgumentException("top-k must be at least 1, was " + topK);
        }
        this.knowledgeBase = knowledgeBase;
        this.mode = mode;
        this.topK = topK;
        this.principals = principals;
        this.filter = filter;
    }

    /**
     * Creates a retriever that always searches as the same principals, without a metadata filter.
     *
     * @param knowledgeBase the store to search
     * @param mode how to rank
     * @param topK how many contents at most per query
     * @param principals who is asking
     * @return the retriever
     */
    public static KilnContentRetriever of(
            KnowledgeBase knowledgeBase, SearchMode mode, int topK, Set<String> principals) {
        Set<String> fixed = Set.copyOf(principals);
        return new KilnContentRetriever(knowledgeBase, mode, topK, query -> fixed, MetadataFilter.NONE);
    }

    @Override
    public List<Content> retrieve(Query query) {
        SearchRequest request = new SearchRequest(query.text(), principals.apply(query), topK, filter);
        return knowledgeBase.search(mode, request).stream()
                .map(KilnContentRetriever::content)
                .toList();
    }

    /**
     * Turns a hit into a text segment with Kiln's metadata.
     *
     * @param hit the hit
     * @return the segment
     */
    static TextSegment segment(SearchHit hit) {
        Metadata metadata = new Metadata()
                .put(SOURCE, hit.source())
                .put(TITLE, hit.title())
                .put(SECTION, hit.section())
                .put(ANCHOR, hit.anchor())
                .put(SCORE, hit.score());
        return TextSegment.from(hit.text(), metadata);
    }

    private static Content content(SearchHit hit) {
        return Content.from(segment(hit), Map.of(ContentMetadata.SCORE, hit.score()));
    }

    @Override
    public String toString() {
        return "KilnContentRetriever[mode=" + mode.id() + ", topK=" + topK + ", filter=" + filter + "]";
    }
}
