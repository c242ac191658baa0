package dev.kiln.cli;

import dev.kiln.rag.answer.AbstentionPolicy;
import dev.kiln.rag.answer.Evidence;
import dev.kiln.rag.answer.ExtractiveAnswerer;
import dev.kiln.rag.embed.MiniLmEmbeddingModel;
import dev.kiln.rag.eval.EvaluationReport;
import dev.kiln.rag.eval.LangChain4jBaseline;
import dev.kiln.rag.eval.Question;
import dev.kiln.rag.eval.QuestionResult;
import dev.kiln.rag.eval.Questions;
import dev.kiln.rag.eval.RetrievalEvaluation;
import dev.kiln.rag.search.DenseRetriever;
import dev.kiln.rag.search.HybridRetriever;
import dev.kiln.rag.search.LexicalRetriever;
import dev.kiln.rag.search.Retrievers;
import dev.kiln.rag.search.SearchMode;
import dev.kiln.rag.store.StoreReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code kiln rag eval}: retrieval quality and abstention accuracy on a labelled question set. */
@Command(
        name = "eval",
        description = "Measure Recall@1/5/10, MRR@10, nDCG@10 and warm latency per mode on a question set (JSON"
                + " lines {\"id\",\"q\",\"relevant\":[pages]}), and how well 'ask' abstains on the questions"
                + " with no relevant page.",
        mixinStandardHelpOptions = true)
final class RagEvalCommand implements Callable<Integer> {
    @Option(names = "--store", required = true, paramLabel = "DIR", description = "The store directory.")
    @SuppressWarnings("NullAway.Init")
    private Path store;

    @Option(
            names = "--qrels",
            required = true,
            paramLabel = "FILE",
            description = "The question set; repeat it to measure several sets in one run (the baseline is"
                    + " then built once).")
    private List<Path> qrels = new ArrayList<>();

    @Option(names = "--principal", split = ",", paramLabel = "P", description = "Search as this principal.")
    private List<String> principals = new ArrayList<>();

    @Option(
            names = "--baseline",
            paramLabel = "DIR",
            description = "Also build LangChain4j's easy path (300-character recursive chunks, same model, in"
                    + " memory) over the HTML pages in DIR and measure it as 'lc4j'. Slow: it embeds every page.")
    private @Nullable Path baseline;

    @Option(
            names = "--variants",
            description = "Also measure variants of BM25 field boosts and of the fusion weight, to see what each adds.")
    private boolean variants;

    @Option(names = "--json", description = "Print the figures and every question's outcome as JSON.")
    private boolean json;

    @picocli.CommandLine.Spec
    @SuppressWarnings("NullAway.Init")
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return RagCommand.run(this::evaluate);
    }

    private Integer evaluate() {
        List<List<Question>> sets = qrels.stream().map(Questions::read).toList();
        Set<String> who = new LinkedHashSet<>(principals);
        List<Map<String, EvaluationReport>> reports = new ArrayList<>();
        List<Map<String, Evidence>> evidence = new ArrayList<>();
        try (MiniLmEmbeddingModel model = RagCommand.modelFor(store, null);
                StoreReader reader = StoreReader.open(store)) {
            RetrievalEvaluation evaluation = new RetrievalEvaluation(who);
            LangChain4jBaseline lc4j = baseline == null ? null : buildBaseline(baseline);
            ExtractiveAnswerer answerer = new ExtractiveAnswerer(reader, model, AbstentionPolicy.DEFAULT);
            for (List<Question> questions : sets) {
                Map<String, EvaluationReport> byMode = new LinkedHashMap<>();
                for (SearchMode mode : SearchMode.values()) {
                    byMode.put(mode.id(), evaluation.evaluate(Retrievers.of(mode, reader, () -> model), questions));
                }
                if (variants) {
                    measureVariants(reader, model, questions, evaluation, byMode);
                }
                if (lc4j != null) {
                    byMode.put("lc4j", evaluation.evaluate(lc4j, questions));
                }
                Map<String, Evidence> found = new LinkedHashMap<>();
                questions.forEach(q -> found.put(q.id(), answerer.evidence(q.query(), who)));
                reports.add(byMode);
                evidence.add(found);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json && sets.size() == 1) {
            out.println(RagJson.write(toJson(sets.getFirst(), reports.getFirst(), evidence.getFirst())));
        } else if (json) {
            ObjectNode root = RagJson.object();
            ArrayNode all = root.putArray("sets");
            for (int i = 0; i < sets.size(); i++) {
                ObjectNode set = toJson(sets.get(i), reports.get(i), evidence.get(i));
                all.addObject().put("qrels", qrels.get(i).toString()).setAll(set);
            }
            out.println(RagJson.write(root));
        } else {
            for (int i = 0; i < sets.size(); i++) {
                if (sets.size() > 1) {
                    out.printf(Locale.ROOT, "%s== %s%n", i == 0 ? "" : "\n", qrels.get(i));
                }
                print(out, sets.get(i), reports.get(i), evidence.get(i));
            }
        }
        return ExitCodes.OK;
    }

    private static void measureVariants(
            StoreReader reader,
            MiniLmEmbeddingModel model,
            List<Question> questions,
            RetrievalEvaluation evaluation,
            Map<String, EvaluationReport> reports) {
        List<LexicalRetriever.Boosts> boosts = List.of(
                new LexicalRetriever.Boosts(1, 1, 1),
                new LexicalRetriever.Boosts(2, 1.5f, 1),
                new LexicalRetriever.Boosts(0.5f, 1, 1),
                new LexicalRetriever.Boosts(0.5f, 2, 1),
                new LexicalRetriever.Boosts(0.25f, 0.5f, 1));
        DenseRetriever dense = new DenseRetriever(reader, model);
        for (LexicalRetriever.Boosts b : boosts) {
            String name = String.format(Locale.ROOT, "%.2g/%.2g/%.2g", b.title(), b.section(), b.text());
            LexicalRetriever lexical = new LexicalRetriever(reader, b);
            reports.put("bm25 " + name, evaluation.evaluate(lexical, questions));
            reports.put(
                    "rrf " + name + " d2",
                    evaluation.evaluate(
                            new HybridRetriever(
                                    lexical,
                                    dense,
                                    HybridRetriever.Fusion.RANKS,
                                    HybridRetriever.DEFAULT_DENSE_WEIGHT,
                                    HybridRetriever.NO_DIVERSITY),
                            questions));
            for (double weight : new double[] {0.1, 0.2, 0.3, 0.5}) {
                reports.put(
                        String.format(Locale.ROOT, "scores %s l%.1f", name, weight),
                        evaluation.evaluate(
                                new HybridRetriever(
                                        lexical,
                                        dense,
                                        HybridRetriever.Fusion.SCORES,
                                        weight,
                                        HybridRetriever.NO_DIVERSITY),
                                questions));
            }
        }
        LexicalRetriever lexical = new LexicalRetriever(reader);
        for (double lambda : new double[] {0.9, 0.7, 0.5}) {
            reports.put(
                    String.format(Locale.ROOT, "hybrid mmr %.1f", lambda),
                    evaluation.evaluate(
                            new HybridRetriever(
                                    lexical,
                                    dense,
                                    HybridRetriever.Fusion.SCORES,
                                    HybridRetriever.DEFAULT_LEXICAL_WEIGHT,
                                    lambda),
                            questions));
        }
    }

    private LangChain4jBaseline buildBaseline(Path dir) {
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        LangChain4jBaseline built = LangChain4jBaseline.buildWithMiniLm(dir, segments -> {
            if (segments % 2560 < 256) {
                err.printf(
                        Locale.ROOT,
                        "[%5.1fs] baseline: %d segments embedded%n",
                        (System.nanoTime() - start) / 1e9,
                        segments);
                err.flush();
            }
        });
        err.printf(
                Locale.ROOT,
                "baseline: %d segments of %d characters embedded in %.1f s%n",
                built.segments(),
                LangChain4jBaseline.SEGMENT_CHARS,
                (System.nanoTime() - start) / 1e9);
        err.flush();
        return built;
    }

    private static void print(
            PrintWriter out,
            List<Question> questions,
            Map<String, EvaluationReport> reports,
            Map<String, Evidence> evidence) {
        int width = Math.max(
                6, reports.keySet().stream().mapToInt(String::length).max().orElse(6));
        out.printf(
                Locale.ROOT,
                "%-" + width + "s | questions | Hit@1 |  R@1  |  R@5  |  R@10 | MRR@10 | nDCG@10 | p50 ms | p99 ms%n",
                "mode");
        reports.forEach((mode, r) -> out.printf(
                Locale.ROOT,
                "%-" + width + "s | %9d | %.3f | %.3f | %.3f | %.3f |  %.3f |   %.3f | %6.1f | %6.1f%n",
                mode,
                r.questions(),
                r.hitAt1(),
                r.recallAt1(),
                r.recallAt5(),
                r.recallAt10(),
                r.mrrAt10(),
                r.ndcgAt10(),
                r.p50Millis(),
                r.p99Millis()));
        int[] counts = abstention(questions, evidence);
        out.printf(
                Locale.ROOT,
                "abstention: answered %d of %d answerable (%.1f%%), abstained on %d of %d unanswerable (%.1f%%)%n",
                counts[0],
                counts[1],
                percent(counts[0], counts[1]),
                counts[2],
                counts[3],
                percent(counts[2], counts[3]));
    }

    /** Returns answered, answerable, abstained, unanswerable. */
    private static int[] abstention(List<Question> questions, Map<String, Evidence> evidence) {
        int[] counts = new int[4];
        for (Question q : questions) {
            boolean abstains = AbstentionPolicy.DEFAULT.abstain(evidence.getOrDefault(q.id(), new Evidence(0, 0)));
            if (q.answerable()) {
                counts[1]++;
                counts[0] += abstains ? 0 : 1;
            } else {
                counts[3]++;
                counts[2] += abstains ? 1 : 0;
            }
        }
        return counts;
    }

    private static double percent(int part, int whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    private static ObjectNode toJson(
            List<Question> questions, Map<String, EvaluationReport> reports, Map<String, Evidence> evidence) {
        ObjectNode root = RagJson.object();
        ObjectNode modes = root.putObject("modes");
        reports.forEach((mode, r) -> modes.putObject(mode)
                .put("questions", r.questions())
                .put("hit@1", r.hitAt1())
                .put("hit@5", r.hitAt5())
                .put("recall@1", r.recallAt1())
                .put("recall@5", r.recallAt5())
                .put("recall@10", r.recallAt10())
                .put("mrr@10", r.mrrAt10())
                .put("ndcg@10", r.ndcgAt10())
                .put("p50Millis", r.p50Millis())
                .put("p99Millis", r.p99Millis()));
        int[] counts = abstention(questions, evidence);
        root.putObject("abstention")
                .put("answered", counts[0])
                .put("answerable", counts[1])
                .put("abstained", counts[2])
                .put("unanswerable", counts[3]);
        ArrayNode perQuestion = root.putArray("questions");
        for (Question q : questions) {
            Evidence e = evidence.get(q.id());
            ObjectNode node = perQuestion
                    .addObject()
                    .put("id", q.id())
                    .put("answerable", q.answerable())
                    .put("bestCosine", e == null ? 0 : e.bestCosine())
                    .put("termCoverage", e == null ? 0 : e.termCoverage())
                    .put("unseenShare", e == null ? 0 : e.unseenShare())
                    .put("asksForEstimate", e != null && e.asksForEstimate());
            ArrayNode unseen = node.putArray("unseen");
            if (e != null) {
                e.unseenWords().forEach(unseen::add);
                e.unseenNames().forEach(unseen::add);
            }
            ObjectNode ranks = node.putObject("firstRelevantRank");
            reports.forEach((mode, r) -> r.results().stream()
                    .filter(res -> res.question().id().equals(q.id()))
                    .findFirst()
                    .ifPresent(res -> ranks.put(mode, res.firstRelevantRank())));
            reports.forEach((mode, r) -> r.results().stream()
                    .filter(res -> res.question().id().equals(q.id()))
                    .findFirst()
                    .map(QuestionResult::retrieved)
                    .ifPresent(s -> node.put("top1." + mode, s.isEmpty() ? "" : s.getFirst())));
        }
        return root;
    }
}
