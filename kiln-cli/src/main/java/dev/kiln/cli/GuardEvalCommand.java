package dev.kiln.cli;

import dev.kiln.guard.embedding.CachedSentenceEncoder;
import dev.kiln.guard.eval.BenignDocuments;
import dev.kiln.guard.eval.CascadeTradeOff;
import dev.kiln.guard.eval.DetectionEvaluation;
import dev.kiln.guard.eval.IndirectTraining;
import dev.kiln.guard.eval.InjectionCorpus;
import dev.kiln.guard.eval.LabelledPrompt;
import dev.kiln.guard.eval.LabelledText;
import dev.kiln.guard.eval.PresidioPiiSet;
import dev.kiln.guard.eval.Score;
import dev.kiln.guard.eval.SpanEvaluation;
import dev.kiln.guard.injection.CascadeInjectionGuardrail;
import dev.kiln.guard.injection.CascadeInjectionGuardrail.Band;
import dev.kiln.guard.injection.IndirectInjectionGuardrail;
import dev.kiln.guard.injection.InjectionGuardrail;
import dev.kiln.guard.pii.PiiGuardrail;
import dev.kiln.guard.secret.SecretGuardrail;
import dev.kiln.spec.KilnException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code kiln guard eval [FILE]}: the guardrails' figures. With a file of JSON lines, records with a
 * {@code label} score injection detection (per category and per source) and records without one are
 * span texts with {@code [[TYPE:value]]} marks (F1 per type). Without a file: Kiln's own PII and secrets
 * set, then, when the public data is found, presidio's PII set and the injection test split.
 */
@Command(
        name = "eval",
        description =
                "Print detection rate, false-positive rate, precision, recall and F1 per category, source and type.",
        mixinStandardHelpOptions = true)
final class GuardEvalCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(
            paramLabel = "FILE",
            arity = "0..1",
            description = "JSON lines {\"id\",\"text\",\"label\"?,\"category\"?,\"source\"?}.")
    private @Nullable Path file;

    @Option(
            names = "--data",
            description = "The public guard data folder (default: $KILN_GUARD_DATA or ../shared/data/guard).")
    private @Nullable Path data;

    @Option(
            names = "--phone-regions",
            paramLabel = "US,GB,...",
            split = ",",
            description = "Regions whose national phone numbers count, for FILE and presidio's set (default US; "
                    + "Kiln's own set is always scored with its labelled regions).")
    private List<String> phoneRegions = new ArrayList<>(List.of("US"));

    @Option(
            names = "--bands",
            description = "Only the cascade's trade-off over a grid of bands, on --split (needs the public data).")
    private boolean bands;

    @Option(
            names = "--split",
            description = "With --bands: VALIDATION (default; where a band is chosen) or TEST (where it is reported).")
    private LabelledPrompt.Split split = LabelledPrompt.Split.VALIDATION;

    @picocli.CommandLine.Spec
    @SuppressWarnings("NullAway.Init")
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (bands) {
            Path folder = GuardData.locate(data)
                    .orElseThrow(() -> new KilnException("--bands needs the public guard data (--data DIR)"));
            List<LabelledPrompt> chosen = InjectionCorpus.load(folder).stream()
                    .filter(p -> p.split() == split)
                    .toList();
            List<Band> grid = new ArrayList<>(List.of(new Band(1, 1)));
            for (double low : new double[] {0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5}) {
                for (double high : new double[] {0.6, 0.7, 0.8, 0.9, 0.95, 0.98, 0.995}) {
                    if (low < high) {
                        grid.add(new Band(low, high));
                    }
                }
            }
            out.printf(
                    Locale.ROOT,
                    "Cascade trade-off by band, %s split (%d texts, %d of at most %d chars):%n",
                    split.name().toLowerCase(Locale.ROOT),
                    chosen.size(),
                    chosen.stream()
                            .filter(p -> p.text().length() <= CascadeTradeOff.SHORT)
                            .count(),
                    CascadeTradeOff.SHORT);
            printBands(out, CascadeTradeOff.measure(chosen, CascadeInjectionGuardrail.shipped(), grid));
            return ExitCodes.OK;
        }
        if (file != null) {
            evaluateFile(file, out);
            return ExitCodes.OK;
        }
        SpanEvaluation standard = new SpanEvaluation(
                List.of(PiiGuardrail.all(SpanEvaluation.STANDARD_PHONE_REGIONS), new SecretGuardrail()));
        out.println("PII and secrets, Kiln's labelled set (" + SpanEvaluation.STANDARD + "; phone regions "
                + String.join(",", SpanEvaluation.STANDARD_PHONE_REGIONS) + "), exact spans:");
        printSpans(out, standard.evaluate(SpanEvaluation.standardSet()));
        SpanEvaluation spans = new SpanEvaluation(List.of(GuardCommand.pii(phoneRegions), new SecretGuardrail()));
        Optional<Path> folder = GuardData.locate(data);
        if (folder.isEmpty()) {
            out.println();
            out.println(
                    "Public guard data not found (use --data or KILN_GUARD_DATA); skipped presidio and injection figures.");
            return ExitCodes.OK;
        }
        out.println();
        out.println("PII, presidio-research synth_dataset_v2 (types Kiln detects; phone regions "
                + String.join(",", phoneRegions) + "), exact spans:");
        printSpans(
                out, spans.evaluate(PresidioPiiSet.read(folder.get().resolve("pii-presidio/synth_dataset_v2.json"))));
        List<LabelledPrompt> test = InjectionCorpus.load(folder.get()).stream()
                .filter(p -> p.split() == LabelledPrompt.Split.TEST)
                .toList();
        InjectionGuardrail guard = InjectionGuardrail.shipped();
        out.println();
        out.printf(
                Locale.ROOT,
                "Injection, held-out test split (%d texts), threshold %.3f:%n",
                test.size(),
                guard.model().threshold());
        printDetection(out, DetectionEvaluation.of(test, t -> guard.assess(t).detected()));
        printCascade(out, test);
        printIndirect(out, test, folder.get());
        return ExitCodes.OK;
    }

    private static void printCascade(PrintWriter out, List<LabelledPrompt> test) {
        CascadeInjectionGuardrail cascade = CascadeInjectionGuardrail.shipped();
        Band shipped = cascade.band();
        List<Band> bands = new ArrayList<>(List.of(
                new Band(1, 1),
                new Band(0.4, 0.7),
                new Band(0.2, 0.9),
                new Band(0.05, 0.98),
                new Band(0.02, 0.995),
                new Band(0.01, 0.999)));
        if (!bands.contains(shipped)) {
            bands.add(shipped);
        }
        List<CascadeTradeOff.Row> rows = CascadeTradeOff.measure(test, cascade, bands);
        out.println();
        out.printf(
                Locale.ROOT,
                "Injection, cascade (lexical, then MiniLM + logistic regression for lexical scores in [%.3f, %.3f)), "
                        + "second-layer threshold %.3f, held-out test split:%n",
                shipped.low(),
                shipped.high(),
                cascade.dense().threshold());
        rows.stream()
                .filter(r -> r.band().equals(shipped))
                .findFirst()
                .ifPresent(r -> printDetection(out, r.evaluation()));
        out.println();
        out.println("Cascade trade-off by band (second layer decides lexical scores in [low, high)):");
        printBands(out, rows);
    }

    private static void printBands(PrintWriter out, List<CascadeTradeOff.Row> rows) {
        out.println(
                "band           | embedded | embedded <= 1 KB | jailbreak detected | benign FPR | trigger-word benign pass");
        for (CascadeTradeOff.Row r : rows) {
            Map<String, Score> c = r.evaluation().byCategory();
            out.printf(
                    Locale.ROOT,
                    "%-14s | %8s | %16s | %18s | %10s | %s%n",
                    r.band().low() >= 1
                            ? "lexical only"
                            : String.format(
                                    Locale.ROOT,
                                    "[%.2f, %.3f)",
                                    r.band().low(),
                                    r.band().high()),
                    pct(r.embedded()),
                    pct(r.embeddedShort()),
                    pct(c.getOrDefault("jailbreak", Score.ZERO).recall()),
                    pct(c.getOrDefault("benign", Score.ZERO).falsePositiveRate()),
                    pct(1 - c.getOrDefault("benign-trigger", Score.ZERO).falsePositiveRate()));
        }
    }

    private static void printIndirect(PrintWriter out, List<LabelledPrompt> test, Path folder) {
        List<LabelledPrompt> documents =
                test.stream().filter(p -> p.source().startsWith("bipia")).toList();
        IndirectInjectionGuardrail indirect = new IndirectInjectionGuardrail(
                new CachedSentenceEncoder(IndirectInjectionGuardrail.shippedEncoder(), 20_000),
                IndirectInjectionGuardrail.shippedModel());
        out.println();
        out.printf(
                Locale.ROOT,
                "Indirect injection, document scanner (pieces scored by bge-small + cues), threshold %.3f, "
                        + "BIPIA test attacks in test contexts and benign contexts (%d documents):%n",
                indirect.model().threshold(),
                documents.size());
        Map<String, Double> scores = new HashMap<>();
        documents.forEach(d -> scores.put(d.text(), indirect.assess(d.text()).score()));
        double shipped = indirect.model().threshold();
        printDetection(out, DetectionEvaluation.of(documents, t -> scores.getOrDefault(t, 0.0) >= shipped));
        out.println();
        out.printf(
                Locale.ROOT,
                "Indirect scanner trade-off by threshold (the shipped one flags at most %.1f%% of the held-out "
                        + "validation documents):%n",
                100 * IndirectTraining.DOCUMENT_FPR);
        out.println("threshold | attacks detected | benign documents flagged");
        for (double t : new double[] {0.5, 0.8, 0.9, 0.95, 0.97, 0.98, 0.99, 0.995, shipped}) {
            Score s = DetectionEvaluation.of(documents, text -> scores.getOrDefault(text, 0.0) >= t)
                    .pooled();
            out.printf(Locale.ROOT, "%9.4f | %16s | %s%n", t, pct(s.recall()), pct(s.falsePositiveRate()));
        }
        List<BenignDocuments.Document> heldOut = BenignDocuments.load(BenignDocuments.Sources.defaults(folder)).stream()
                .filter(d -> d.split() == LabelledPrompt.Split.TEST)
                .toList();
        Map<String, int[]> flagged = new TreeMap<>();
        for (BenignDocuments.Document d : heldOut) {
            int[] counts = flagged.computeIfAbsent(d.source(), k -> new int[2]);
            counts[0]++;
            counts[1] += indirect.assess(d.text()).score() >= shipped ? 1 : 0;
        }
        out.println();
        out.printf(
                Locale.ROOT,
                "Indirect scanner on held-out benign documents that are not BIPIA's (%d, test split of their keys), "
                        + "flagged at the shipped threshold:%n",
                heldOut.size());
        flagged.forEach((source, c) ->
                out.printf(Locale.ROOT, "%-14s %4d of %4d (%s)%n", source, c[1], c[0], pct((double) c[1] / c[0])));
    }

    private void evaluateFile(Path path, PrintWriter out) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new KilnException(path + ": no such file");
        }
        List<LabelledPrompt> prompts = new ArrayList<>();
        List<LabelledText> texts = new ArrayList<>();
        List<String> lines = Files.readAllLines(path);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            JsonNode n = record(path, i + 1, lines.get(i));
            String id = n.path("id").asString(String.valueOf(i + 1));
            String text = n.path("text").asString();
            if (n.has("label")) {
                boolean injection = n.path("label").isBoolean()
                        ? n.path("label").asBoolean()
                        : n.path("label").asInt() == 1;
                prompts.add(new LabelledPrompt(
                        id,
                        text,
                        injection,
                        n.path("category").asString(injection ? "injection" : "benign"),
                        n.path("source").asString(path.getFileName().toString()),
                        LabelledPrompt.Split.TEST));
            } else {
                try {
                    texts.add(LabelledText.parse(id, text));
                } catch (IllegalArgumentException e) {
                    throw new KilnException(path + ":" + (i + 1) + ": " + e.getMessage());
                }
            }
        }
        if (!prompts.isEmpty()) {
            CascadeInjectionGuardrail guard = CascadeInjectionGuardrail.shipped();
            out.printf(Locale.ROOT, "Injection (cascade), %d labelled texts from %s:%n", prompts.size(), path);
            printDetection(
                    out, DetectionEvaluation.of(prompts, t -> guard.assess(t).detected()));
        }
        if (!texts.isEmpty()) {
            out.printf(Locale.ROOT, "PII and secrets, %d marked texts from %s:%n", texts.size(), path);
            printSpans(
                    out,
                    new SpanEvaluation(List.of(GuardCommand.pii(phoneRegions), new SecretGuardrail())).evaluate(texts));
        }
    }

    private static JsonNode record(Path path, int line, String content) {
        try {
            JsonNode n = JSON.readTree(content);
            if (n.isObject() && n.path("text").isString()) {
                return n;
            }
        } catch (JacksonException e) {
            throw new KilnException(path + ":" + line + ": not JSON: " + e.getOriginalMessage());
        }
        throw new KilnException(path + ":" + line + ": expected an object with a string \"text\"");
    }

    static void printSpans(PrintWriter out, Map<String, Score> scores) {
        out.println("type                      |  tp |  fp |  fn | precision | recall |    F1");
        Score all = Score.ZERO;
        for (Map.Entry<String, Score> e : scores.entrySet()) {
            spanRow(out, e.getKey(), e.getValue());
            all = all.plus(e.getValue());
        }
        spanRow(out, "all (micro)", all);
    }

    private static void spanRow(PrintWriter out, String name, Score s) {
        out.printf(
                Locale.ROOT,
                "%-25s | %3d | %3d | %3d | %9.3f | %6.3f | %5.3f%n",
                name,
                s.truePositives(),
                s.falsePositives(),
                s.falseNegatives(),
                s.precision(),
                s.recall(),
                s.f1());
    }

    static void printDetection(PrintWriter out, DetectionEvaluation e) {
        out.println("by category              | attacks | benign | detected |    FPR | precision | recall |    F1");
        e.byCategory().forEach((k, s) -> detectionRow(out, k, s));
        out.println("by source                |         |        |          |        |           |        |");
        e.bySource().forEach((k, s) -> detectionRow(out, k, s));
        detectionRow(out, "all", e.pooled());
    }

    private static void detectionRow(PrintWriter out, String name, Score s) {
        out.printf(
                Locale.ROOT,
                "%-24s | %7d | %6d | %8s | %6s | %9s | %6s | %5s%n",
                name,
                s.positives(),
                s.negatives(),
                s.positives() == 0 ? "-" : pct(s.recall()),
                s.negatives() == 0 ? "-" : pct(s.falsePositiveRate()),
                s.positives() == 0 ? "-" : String.format(Locale.ROOT, "%.3f", s.precision()),
                s.positives() == 0 ? "-" : String.format(Locale.ROOT, "%.3f", s.recall()),
                s.positives() == 0 ? "-" : String.format(Locale.ROOT, "%.3f", s.f1()));
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f%%", v * 100);
    }
}
