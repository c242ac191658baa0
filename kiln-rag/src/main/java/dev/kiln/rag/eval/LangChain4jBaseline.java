package dev.kiln.rag.eval;

import dev.kiln.rag.RagException;
import dev.kiln.rag.search.Retriever;
import dev.kiln.rag.search.SearchHit;
import dev.kiln.rag.search.SearchRequest;
import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.DocumentSplitter;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.document.splitter.DocumentSplitters;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import org.jsoup.Jsoup;

/**
 * The baseline Kiln is measured against: LangChain4j's easy path over HTML pages. Each page's whole
 * text (navigation included, as a generic HTML-to-text step gives it), split by LangChain4j's recursive
 * splitter into 300-character segments, embedded with the same model, kept in LangChain4j's in-memory
 * store, ranked by cosine similarity; results are reduced to one per page like Kiln's.
 *
 * <p>For evaluation only: it has no access control and lives in memory.
 */
public final class LangChain4jBaseline implements Retriever {
    /** Segment size of the easy path, in characters. */
    public static final int SEGMENT_CHARS = 300;

    private static final String SOURCE = "source";
    private static final int BATCH = 256;

    private final EmbeddingModel model;
    private final InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
    private int segments;

    private LangChain4jBaseline(EmbeddingModel model) {
        this.model = model;
    }

    /**
     * Builds the baseline over the HTML files of a directory tree.
     *
     * @param dir the directory; sources are recorded as {@code dir} joined with the path below it
     * @param model the embedding model
     * @param progress told the number of segments embedded so far, after each batch
     * @return the baseline, ready to search
     */
    public static LangChain4jBaseline build(Path dir, EmbeddingModel model, IntConsumer progress) {
        LangChain4jBaseline baseline = new LangChain4jBaseline(model);
        DocumentSplitter splitter = DocumentSplitters.recursive(SEGMENT_CHARS, 0);
        List<TextSegment> pending = new ArrayList<>();
        for (Path file : htmlFiles(dir)) {
            String text = read(file).text();
            if (!text.isBlank()) {
                pending.addAll(splitter.split(Document.from(text, Metadata.from(SOURCE, file.toString()))));
            }
            if (pending.size() >= BATCH) {
                baseline.add(pending, progress);
            }
        }
        baseline.add(pending, progress);
        return baseline;
    }

    /**
     * Builds the baseline with LangChain4j's in-process all-MiniLM-L6-v2, the model Kiln uses by default.
     *
     * @param dir the directory of HTML pages
     * @param progress told the number of segments embedded so far
     * @return the baseline
     */
    public static LangChain4jBaseline buildWithMiniLm(Path dir, IntConsumer progress) {
        return build(dir, new AllMiniLmL6V2EmbeddingModel(), progress);
    }

    /**
     * Returns how many segments the store holds.
     *
     * @return the count
     */
    public int segments() {
        return segments;
    }

    @Override
    public List<SearchHit> search(SearchRequest request) {
        Embedding query = model.embed(request.query()).content();
        List<EmbeddingMatch<TextSegment>> matches = store.search(EmbeddingSearchRequest.builder()
                        .queryEmbedding(query)
                        .maxResults(Math.max(50, request.topK() * 10))
                        .build())
                .matches();
        Map<String, SearchHit> pages = new LinkedHashMap<>();
        for (EmbeddingMatch<TextSegment> match : matches) {
            TextSegment segment = match.embedded();
            if (segment == null) {
                continue;
            }
            String source = segment.metadata().getString(SOURCE);
            String page = source == null ? "" : source;
            pages.putIfAbsent(page, new SearchHit(page, "", "", "", segment.text(), match.score()));
            if (pages.size() == request.topK()) {
                break;
            }
        }
        return List.copyOf(pages.values());
    }

    private void add(List<TextSegment> pending, IntConsumer progress) {
        if (pending.isEmpty()) {
            return;
        }
        List<Embedding> embeddings = model.embedAll(pending).content();
        store.addAll(embeddings, List.copyOf(pending));
        segments += pending.size();
        pending.clear();
        progress.accept(segments);
    }

    private static List<Path> htmlFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        } catch (IOException e) {
            throw new RagException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static org.jsoup.nodes.Document read(Path file) {
        try {
            return Jsoup.parse(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
