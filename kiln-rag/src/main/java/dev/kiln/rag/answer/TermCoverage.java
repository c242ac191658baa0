package dev.kiln.rag.answer;

import dev.kiln.rag.store.StoreReader;
import dev.kiln.rag.store.StoreSchema;
import java.io.IOException;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;

/**
 * The IDF-weighted share of a question's words that a text contains, after the store's analysis
 * (stemming, stop words). Rare words weigh most, and a word the store never saw weighs the most of all:
 * a question about something the documents never mention scores low however well it is phrased.
 */
final class TermCoverage {
    private final StoreReader reader;
    private final Analyzer analyzer = StoreSchema.analyzer();

    TermCoverage(StoreReader reader) {
        this.reader = reader;
    }

    double of(String question, String text) {
        Set<String> asked = terms(question);
        if (asked.isEmpty()) {
            return 0;
        }
        Set<String> present = terms(text);
        double total = 0;
        double found = 0;
        for (String term : asked) {
            double weight = idf(term);
            total += weight;
            if (present.contains(term)) {
                found += weight;
            }
        }
        return total == 0 ? 0 : found / total;
    }

    /** The IDF weight of an analysed term in the chunk texts. */
    double idf(String term) {
        IndexReader index = reader.searcher().getIndexReader();
        try {
            int docFreq = index.docFreq(new Term(StoreSchema.TEXT, term));
            return idf(docFreq, Math.max(1, index.getDocCount(StoreSchema.TEXT)));
        } catch (IOException e) {
            throw reader.failure(e);
        }
    }

    /** The weight of a term no chunk contains: the highest IDF weight there is. */
    double unseenIdf() {
        try {
            return idf(0, Math.max(1, reader.searcher().getIndexReader().getDocCount(StoreSchema.TEXT)));
        } catch (IOException e) {
            throw reader.failure(e);
        }
    }

    private static double idf(int docFreq, int docs) {
        return Math.log(1 + (docs - docFreq + 0.5) / (docFreq + 0.5));
    }

    /** The terms of a text after the store's analysis. */
    Set<String> terms(String text) {
        return StoreSchema.terms(analyzer, text);
    }
}
