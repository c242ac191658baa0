package dev.kiln.rag.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.VectorSimilarityFunction;

/**
 * The field names and analysis of the store's Lucene index, shared by the writer and the retrievers.
 *
 * <p>Two kinds of Lucene document live in one index: chunks ({@link #KIND_CHUNK}) and one record per
 * ingested file ({@link #KIND_FILE}) carrying its content hash. Both are keyed by {@link #SOURCE}, so a
 * file's chunks and its record are replaced or deleted together.
 */
public final class StoreSchema {
    /** Which kind of Lucene document this is: {@link #KIND_CHUNK} or {@link #KIND_FILE}. */
    public static final String KIND = "kind";

    /** The value of {@link #KIND} for chunks. */
    public static final String KIND_CHUNK = "chunk";

    /** The value of {@link #KIND} for file records. */
    public static final String KIND_FILE = "file";

    /** The ingested file's path as given (keyword, stored). */
    public static final String SOURCE = "source";

    /** The document format id: html, markdown, text, pdf (keyword, stored). */
    public static final String FORMAT = "format";

    /** The document title (BM25 text, stored). */
    public static final String TITLE = "title";

    /** The section path joined with {@code " > "} (BM25 text, stored). */
    public static final String SECTION = "section";

    /** The section's anchor (stored only). */
    public static final String ANCHOR = "anchor";

    /** The chunk's text (BM25 text, stored). */
    public static final String TEXT = "text";

    /** The chunk's position in its file (stored only). */
    public static final String ORDINAL = "ordinal";

    /** A principal allowed to read the chunk (keyword, multi-valued, stored). */
    public static final String ACL = "acl";

    /** The chunk's embedding (HNSW vector, dot product of unit vectors). */
    public static final String VECTOR = "vector";

    /** The file's content hash, on file records (stored only). */
    public static final String HASH = "hash";

    /** The number of chunks of the file, on file records (stored only). */
    public static final String CHUNKS = "chunks";

    /** The principal every searcher holds: documents ingested with no access list are readable by all. */
    public static final String EVERYONE = "*";

    /** How vectors are compared; vectors are unit length, so this is cosine similarity. */
    public static final VectorSimilarityFunction SIMILARITY = VectorSimilarityFunction.DOT_PRODUCT;

    private StoreSchema() {}

    /**
     * Returns the analyzer of the text fields: Lucene's English analysis (standard tokenizer, which keeps
     * {@code work_mem} whole, lower case, stop words, Porter stemming).
     *
     * @return a new analyzer
     */
    public static Analyzer analyzer() {
        return new EnglishAnalyzer();
    }

    /**
     * Analyses a text as the text field is analysed: its distinct terms (lower-cased Porter stems, stop
     * words dropped) in order of first occurrence.
     *
     * @param analyzer an analyzer from {@link #analyzer()} (analyzers are safe to share between threads)
     * @param text the text
     * @return its terms
     */
    public static Set<String> terms(Analyzer analyzer, String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream tokens = analyzer.tokenStream(TEXT, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                terms.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a string in memory cannot fail", e);
        }
        return terms;
    }
}
