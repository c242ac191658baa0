package dev.kiln.rag.search;

import dev.kiln.rag.store.StoreReader;
import dev.kiln.rag.store.StoreSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/** What every retriever shares: the filter that restricts candidates, and turning Lucene hits into pages. */
final class ChunkSearch {
    private ChunkSearch() {}

    /**
     * Builds the filter every candidate must pass: a chunk (not a file record), readable by one of the
     * request's principals or by everyone, and kept by the metadata filter.
     */
    static Query filter(SearchRequest request) {
        Set<String> allowed = new TreeSet<>(request.principals());
        allowed.add(StoreSchema.EVERYONE);
        List<BytesRef> terms = allowed.stream().map(BytesRef::new).toList();
        BooleanQuery.Builder filter = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(StoreSchema.KIND, StoreSchema.KIND_CHUNK)), BooleanClause.Occur.FILTER)
                .add(new TermInSetQuery(StoreSchema.ACL, terms), BooleanClause.Occur.FILTER);
        request.filter().toQuery().ifPresent(q -> filter.add(q, BooleanClause.Occur.FILTER));
        return filter.build();
    }

    /** How many chunks to fetch so that, after keeping one per page, top-k pages usually remain. */
    static int candidateChunks(int topK) {
        return Math.max(50, topK * 10);
    }

    /** Runs a query and returns its chunks, best first, with scores mapped. */
    static List<SearchHit> run(StoreReader reader, Query query, int n, DoubleUnaryOperator score) {
        return candidates(reader, query, n, score).stream().map(Candidate::hit).toList();
    }

    /** Like {@link #run}, keeping each chunk's Lucene document id (valid for the reader's searcher). */
    static List<Candidate> candidates(StoreReader reader, Query query, int n, DoubleUnaryOperator score) {
        try {
            TopDocs top = reader.searcher().search(query, n);
            var stored = reader.searcher().storedFields();
            List<Candidate> hits = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc scoreDoc : top.scoreDocs) {
                Document doc = stored.document(scoreDoc.doc);
                hits.add(new Candidate(
                        scoreDoc.doc,
                        new SearchHit(
                                value(doc, StoreSchema.SOURCE),
                                value(doc, StoreSchema.TITLE),
                                value(doc, StoreSchema.SECTION),
                                value(doc, StoreSchema.ANCHOR),
                                value(doc, StoreSchema.TEXT),
                                score.applyAsDouble(scoreDoc.score))));
            }
            return hits;
        } catch (IOException e) {
            throw reader.failure(e);
        }
    }

    static List<SearchHit> onePerPage(List<SearchHit> chunks, int limit) {
        return onePerPage(chunks, SearchHit::source, limit);
    }

    /** Keeps the first chunk of each page (chunks come best first), at most {@code limit} pages. */
    static <T> List<T> onePerPage(List<T> chunks, Function<T, String> source, int limit) {
        Map<String, T> pages = new LinkedHashMap<>();
        for (T chunk : chunks) {
            pages.putIfAbsent(source.apply(chunk), chunk);
            if (pages.size() == limit) {
                break;
            }
        }
        return List.copyOf(pages.values());
    }

    private static String value(Document doc, String field) {
        String value = doc.get(field);
        return value == null ? "" : value;
    }

    /**
     * A chunk found by a search.
     *
     * @param doc its Lucene document id in the searched reader
     * @param hit the chunk and its score
     */
    record Candidate(int doc, SearchHit hit) {}
}
