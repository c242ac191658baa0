package dev.kiln.rag.search;

import dev.kiln.rag.store.StoreReader;
import dev.kiln.rag.store.StoreSchema;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * BM25 over a chunk's title, section path and text, each field with its own boost ({@link Boosts}).
 */
public final class LexicalRetriever implements Retriever {
    /**
     * Per-field weights of the BM25 query.
     *
     * @param title weight of matches in the document title
     * @param section weight of matches in the section path
     * @param text weight of matches in the chunk text
     */
    public record Boosts(float title, float section, float text) {
        /**
         * The weights measured best on Kiln's PostgreSQL question set (README): every chunk of a page
         * repeats its title and most of its section path, so strong boosts there let generic title words
         * outweigh the rare words of the text.
         */
        public static final Boosts DEFAULT = new Boosts(0.25f, 0.5f, 1.0f);
    }

    private final StoreReader reader;
    private final Boosts boosts;
    private final Analyzer analyzer = StoreSchema.analyzer();

    /**
     * Creates a retriever with the default boosts.
     *
     * @param reader the store
     */
    public LexicalRetriever(StoreReader reader) {
        this(reader, Boosts.DEFAULT);
    }

    /**
     * Creates a retriever.
     *
     * @param reader the store
     * @param boosts the field weights
     */
    public LexicalRetriever(StoreReader reader, Boosts boosts) {
        this.reader = reader;
        this.boosts = boosts;
    }

    @Override
    public List<SearchHit> search(SearchRequest request) {
        return ChunkSearch.onePerPage(chunks(request, ChunkSearch.candidateChunks(request.topK())), request.topK());
    }

    /**
     * Ranks chunks, several per page allowed.
     *
     * @param request the search
     * @param n how many chunks at most
     * @return chunks best first, with their BM25 scores
     */
    List<SearchHit> chunks(SearchRequest request, int n) {
        return candidates(request, n).stream().map(ChunkSearch.Candidate::hit).toList();
    }

    /** Like {@link #chunks}, keeping each chunk's Lucene document id. */
    List<ChunkSearch.Candidate> candidates(SearchRequest request, int n) {
        Set<String> terms = terms(request.query());
        if (terms.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        words.add(field(StoreSchema.TITLE, terms, boosts.title()), BooleanClause.Occur.SHOULD);
        words.add(field(StoreSchema.SECTION, terms, boosts.section()), BooleanClause.Occur.SHOULD);
        words.add(field(StoreSchema.TEXT, terms, boosts.text()), BooleanClause.Occur.SHOULD);
        Query query = new BooleanQuery.Builder()
                .add(words.build(), BooleanClause.Occur.MUST)
                .add(ChunkSearch.filter(request), BooleanClause.Occur.FILTER)
                .build();
        return ChunkSearch.candidates(reader, query, n, score -> score);
    }

    /**
     * Tells whether any chunk the request may read contains a phrase: all its words, after the store's
     * analysis, next to each other in the title, the section path or the text. A single word is a
     * phrase of one. Only readable chunks count, so the answer says nothing about other documents.
     *
     * @param request who is asking and which metadata filter applies; its query is ignored
     * @param phrase the words to look for
     * @return true when a readable chunk contains the phrase; false also when the phrase has no words
     *     the store indexes (only stop words, for example)
     */
    public boolean mentions(SearchRequest request, String phrase) {
        QueryBuilder builder = new QueryBuilder(analyzer);
        BooleanQuery.Builder anyField = new BooleanQuery.Builder();
        boolean any = false;
        for (String field : List.of(StoreSchema.TITLE, StoreSchema.SECTION, StoreSchema.TEXT)) {
            Query inField = builder.createPhraseQuery(field, phrase);
            if (inField != null) {
                anyField.add(inField, BooleanClause.Occur.SHOULD);
                any = true;
            }
        }
        if (!any) {
            return false;
        }
        Query query = new BooleanQuery.Builder()
                .add(anyField.build(), BooleanClause.Occur.MUST)
                .add(ChunkSearch.filter(request), BooleanClause.Occur.FILTER)
                .build();
        try {
            return reader.searcher().search(query, 1).scoreDocs.length > 0;
        } catch (IOException e) {
            throw reader.failure(e);
        }
    }

    private static Query field(String field, Set<String> terms, float boost) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        terms.forEach(t -> any.add(new TermQuery(new Term(field, t)), BooleanClause.Occur.SHOULD));
        return new BoostQuery(any.build(), boost);
    }

    private Set<String> terms(String text) {
        return StoreSchema.terms(analyzer, text);
    }
}
