package dev.kiln.cli;

import dev.kiln.guard.GuardPipeline;
import dev.kiln.guard.eval.InjectionCorpus;
import dev.kiln.guard.eval.LabelledPrompt;
import dev.kiln.guard.eval.LabelledText;
import dev.kiln.guard.eval.LatencyBenchmark;
import dev.kiln.guard.eval.SpanEvaluation;
import dev.kiln.guard.injection.CascadeInjectionGuardrail;
import dev.kiln.guard.injection.IndirectInjectionGuardrail;
import dev.kiln.guard.injection.InjectionGuardrail;
import dev.kiln.spec.KilnException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kiln guard bench}: latency of the whole input pipeline per text of up to 1 KB, on one thread. */
@Command(
        name = "bench",
        description =
                "Measure p50/p99 latency of injection + PII + secrets per input of up to 1 KB, warm, on one thread.",
        mixinStandardHelpOptions = true)
final class GuardBenchCommand implements Callable<Integer> {
    private static final int MAX_CHARS = 1024;

    @Option(
            names = "--data",
            description = "The public guard data folder (default: $KILN_GUARD_DATA or ../shared/data/guard).")
    private @Nullable Path data;

    @Option(names = "--rounds", description = "Timed rounds over all inputs (default 5).")
    private int rounds = 5;

    @Option(names = "--warmups", description = "Untimed rounds (default 3).")
    private int warmups = 3;

    @Option(
            names = "--band",
            paramLabel = "LOW,HIGH",
            split = ";",
            description = "Also measure the cascade with this band (repeatable): lexical scores in [LOW, HIGH) are "
                    + "embedded.")
    private List<String> bands = new ArrayList<>();

    @picocli.CommandLine.Spec
    @SuppressWarnings("NullAway.Init")
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<String> inputs = new ArrayList<>();
        SpanEvaluation.standardSet().stream().map(LabelledText::text).forEach(inputs::add);
        inputs.addAll(InjectionCorpus.hardNegatives());
        Optional<Path> folder = GuardData.locate(data);
        String what = "Kiln's labelled PII set and hard negatives";
        if (folder.isPresent()) {
            List<LabelledPrompt> test = InjectionCorpus.load(folder.get()).stream()
                    .filter(p ->
                            p.split() == LabelledPrompt.Split.TEST && p.text().length() <= MAX_CHARS)
                    .toList();
            // Every 4th held-out text keeps the run short while covering every source.
            for (int i = 0; i < test.size(); i += 4) {
                inputs.add(test.get(i).text());
            }
            what += " plus every 4th held-out public text";
        }
        inputs.removeIf(t -> t.length() > MAX_CHARS);
        out.printf(
                Locale.ROOT,
                "Input pipeline (injection + PII + secrets), one thread, warm, Java %s, %d cores visible%n",
                Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        LatencyBenchmark.Result lexical =
                LatencyBenchmark.run(GuardCommand.pipeline(InjectionGuardrail.shipped()), inputs, warmups, rounds);
        out.printf(
                Locale.ROOT,
                "inputs: %d texts <= %d chars (%s), mean %.0f chars; %d timed checks%n",
                lexical.inputs(),
                MAX_CHARS,
                what,
                lexical.meanChars(),
                lexical.samples());
        print(out, "lexical injection", lexical);
        CascadeInjectionGuardrail shipped = CascadeInjectionGuardrail.shipped();
        List<CascadeInjectionGuardrail> cascades = new ArrayList<>(List.of(shipped));
        for (String band : bands) {
            cascades.add(shipped.withBand(parseBand(band)));
        }
        for (CascadeInjectionGuardrail cascade : cascades) {
            long inBand = inputs.stream()
                    .filter(t -> {
                        var a = cascade.lexical().assess(t);
                        return cascade.reachesSecondLayer(a.score())
                                && !a.rules().contains("override");
                    })
                    .count();
            LatencyBenchmark.Result r = LatencyBenchmark.run(GuardCommand.pipeline(cascade), inputs, warmups, rounds);
            print(
                    out,
                    String.format(
                            Locale.ROOT,
                            "cascade [%.2f, %.3f) (%d of %d inputs embedded)",
                            cascade.band().low(),
                            cascade.band().high(),
                            inBand,
                            inputs.size()),
                    r);
        }
        if (folder.isPresent()) {
            List<String> all = InjectionCorpus.load(folder.get()).stream()
                    .filter(p ->
                            p.split() == LabelledPrompt.Split.TEST && p.source().startsWith("bipia"))
                    .map(LabelledPrompt::text)
                    .toList();
            // Every 4th document, as for the prompts: each one is dozens of pieces to embed.
            List<String> documents = new ArrayList<>();
            for (int i = 0; i < all.size(); i += 4) {
                documents.add(all.get(i));
            }
            IndirectInjectionGuardrail indirect = IndirectInjectionGuardrail.shipped();
            GuardPipeline documentPipeline =
                    GuardPipeline.builder().input(indirect).build();
            LatencyBenchmark.Result d = LatencyBenchmark.run(documentPipeline, documents, 1, 1);
            out.printf(
                    Locale.ROOT,
                    "indirect scanner, %d BIPIA test documents (every 4th), mean %.0f chars: p50 %.2f ms | p99 %.2f ms | max %.2f ms%n",
                    d.inputs(),
                    d.meanChars(),
                    d.p50Millis(),
                    d.p99Millis(),
                    d.maxMillis());
        }
        return ExitCodes.OK;
    }

    private static CascadeInjectionGuardrail.Band parseBand(String text) {
        String[] parts = text.split(",", -1);
        try {
            if (parts.length == 2) {
                return new CascadeInjectionGuardrail.Band(
                        Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()));
            }
        } catch (IllegalArgumentException e) {
            throw new KilnException("--band " + text + ": " + e.getMessage());
        }
        throw new KilnException("--band must be LOW,HIGH (such as 0.2,0.9), not '" + text + "'");
    }

    private static void print(PrintWriter out, String what, LatencyBenchmark.Result r) {
        out.printf(
                Locale.ROOT,
                "%s: p50 %.2f ms | p99 %.2f ms | max %.2f ms%n",
                what,
                r.p50Millis(),
                r.p99Millis(),
                r.maxMillis());
    }
}
