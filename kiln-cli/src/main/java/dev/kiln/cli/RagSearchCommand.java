package dev.kiln.cli;

import dev.kiln.rag.KnowledgeBase;
import dev.kiln.rag.embed.MiniLmEmbeddingModel;
import dev.kiln.rag.search.MetadataFilter;
import dev.kiln.rag.search.SearchHit;
import dev.kiln.rag.search.SearchMode;
import dev.kiln.rag.search.SearchRequest;
import dev.kiln.spec.KilnException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** {@code kiln rag search}: searches a store as a principal. */
@Command(
        name = "search",
        description = "Search a store. Only documents the principal may read are candidates. With --queries, reads"
                + " JSON lines {\"id\",\"q\"} and prints one JSON line {\"id\",\"hits\":[...]} per query.",
        mixinStandardHelpOptions = true)
final class RagSearchCommand implements Callable<Integer> {
    @Option(names = "--store", required = true, paramLabel = "DIR", description = "The store directory.")
    @SuppressWarnings("NullAway.Init")
    private Path store;

    @Parameters(arity = "0..1", paramLabel = "QUERY", description = "What to search for.")
    private @Nullable String query;

    @Option(names = "--queries", paramLabel = "FILE", description = "JSON lines of {\"id\",\"q\"} to run in turn.")
    private @Nullable Path queries;

    @Option(names = "--top-k", paramLabel = "K", description = "How many pages to return (default 5).")
    private int topK = 5;

    @Option(
            names = "--principal",
            split = ",",
            paramLabel = "P",
            description = "Search as this principal (repeatable: a user and their groups). Without it, only"
                    + " documents readable by everyone are searched.")
    private List<String> principals = new ArrayList<>();

    @Option(names = "--mode", paramLabel = "MODE", description = "bm25, dense or hybrid (default hybrid).")
    private String mode = "hybrid";

    @Option(names = "--type", split = ",", paramLabel = "TYPE", description = "Only html, markdown, text or pdf.")
    private List<String> types = new ArrayList<>();

    @Option(names = "--under", paramLabel = "PREFIX", description = "Only sources starting with this path.")
    private List<String> under = new ArrayList<>();

    @Option(
            names = "--json",
            description = "Print {\"query\",\"hits\":[{\"source\",\"title\",\"section\",\"score\",\"text\"}]}.")
    private boolean json;

    @picocli.CommandLine.Spec
    @SuppressWarnings("NullAway.Init")
    private picocli.CommandLine.Model.CommandSpec spec;

    /** One line of a queries file. */
    private record Query(JsonNode id, String text) {}

    @Override
    public Integer call() throws Exception {
        return RagCommand.run(this::search);
    }

    private Integer search() {
        SearchMode searchMode = searchMode();
        if (topK < 1) {
            throw new KilnException("--top-k must be at least 1, was " + topK);
        }
        if ((query == null) == (queries == null)) {
            throw new KilnException("give either a QUERY or --queries FILE");
        }
        MetadataFilter filter = new MetadataFilter(Set.copyOf(types), under);
        types.forEach(RagSearchCommand::checkType);
        List<Query> batch = queries == null ? List.of() : readQueries(queries);
        PrintWriter out = spec.commandLine().getOut();
        try (MiniLmEmbeddingModel model = RagCommand.modelFor(store, null);
                KnowledgeBase kb = KnowledgeBase.open(store, model)) {
            Set<String> who = new LinkedHashSet<>(principals);
            if (query != null) {
                List<SearchHit> hits = kb.search(searchMode, new SearchRequest(query, who, topK, filter));
                print(out, query, hits);
            }
            for (Query q : batch) {
                List<SearchHit> hits = kb.search(searchMode, new SearchRequest(q.text(), who, topK, filter));
                var line = RagJson.object();
                line.set("id", q.id());
                out.println(RagJson.write(RagJson.withHits(line, hits)));
            }
        }
        return ExitCodes.OK;
    }

    private void print(PrintWriter out, String text, List<SearchHit> hits) {
        if (json) {
            out.println(RagJson.write(RagJson.withHits(RagJson.object().put("query", text), hits)));
            return;
        }
        if (hits.isEmpty()) {
            out.println("No readable document matches.");
        }
        for (int i = 0; i < hits.size(); i++) {
            SearchHit hit = hits.get(i);
            out.printf(
                    Locale.ROOT,
                    "%d. %s%s  (%.4f)%n",
                    i + 1,
                    hit.source(),
                    hit.anchor().isEmpty() ? "" : "#" + hit.anchor(),
                    hit.score());
            out.println("   " + hit.title() + (hit.section().isEmpty() ? "" : " | " + hit.section()));
            String snippet = hit.text().replaceAll("\\s+", " ");
            out.println("   " + (snippet.length() > 200 ? snippet.substring(0, 200) + "..." : snippet));
        }
    }

    private SearchMode searchMode() {
        for (SearchMode m : SearchMode.values()) {
            if (m.id().equals(mode)) {
                return m;
            }
        }
        throw new KilnException("--mode must be bm25, dense or hybrid, was '" + mode + "'");
    }

    private static void checkType(String type) {
        if (!Set.of("html", "markdown", "text", "pdf").contains(type)) {
            throw new KilnException("--type must be html, markdown, text or pdf, was '" + type + "'");
        }
    }

    /** Reads the whole file first, so a bad line stops the run before any output. */
    private static List<Query> readQueries(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new KilnException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<Query> parsed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty()) {
                parsed.add(parse(file, i + 1, line));
            }
        }
        return parsed;
    }

    private static Query parse(Path file, int lineNumber, String line) {
        JsonNode node;
        try {
            node = RagJson.read(line);
        } catch (JacksonException e) {
            throw new KilnException(file + ":" + lineNumber + ": not a JSON object: " + e.getOriginalMessage(), e);
        }
        JsonNode id = node.get("id");
        JsonNode q = node.get("q");
        if (!node.isObject() || id == null || q == null || !q.isString()) {
            throw new KilnException(file + ":" + lineNumber + ": expected {\"id\": ..., \"q\": \"query text\"}");
        }
        return new Query(id, q.asString());
    }
}
