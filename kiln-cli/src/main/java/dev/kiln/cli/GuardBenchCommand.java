package dev.kiln.cli;

import dev.kiln.guard.eval.InjectionCorpus;
import dev.kiln.guard.eval.LabelledPrompt;
import dev.kiln.guard.eval.LabelledText;
import dev.kiln.guard.eval.LatencyBenchmark;
import dev.kiln.guard.eval.SpanEvaluation;
import dev.kiln.guard.injection.InjectionGuardrail;
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
        LatencyBenchmark.Result r =
                LatencyBenchmark.run(GuardCommand.pipeline(InjectionGuardrail.shipped()), inputs, warmups, rounds);
        out.printf(
                Locale.ROOT,
                "Input pipeline (injection + PII + secrets), one thread, warm, Java %s, %d cores visible%n",
                Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        out.printf(
                Locale.ROOT,
                "inputs: %d texts <= %d chars (%s), mean %.0f chars; %d timed checks%n",
                r.inputs(),
                MAX_CHARS,
                what,
                r.meanChars(),
                r.samples());
        out.printf(
                Locale.ROOT, "p50 %.2f ms | p99 %.2f ms | max %.2f ms%n", r.p50Millis(), r.p99Millis(), r.maxMillis());
        return ExitCodes.OK;
    }
}
