package dev.kiln.cli;

import dev.kiln.cli.compile.ClasspathResolver;
import dev.kiln.cli.compile.CompileCheck;
import dev.kiln.cli.compile.SourceSet;
import dev.kiln.codegen.GeneratedProject;
import dev.kiln.codegen.KilnVersion;
import dev.kiln.codegen.ProjectGenerator;
import dev.kiln.codegen.bench.CodegenBenchmark;
import dev.kiln.codegen.bench.RegenerationBenchmark;
import dev.kiln.codegen.bench.SyntheticSpecs;
import dev.kiln.codegen.verify.JdkLocator;
import dev.kiln.codegen.writer.ProjectWriter;
import dev.kiln.intent.RuleBasedIntentParser;
import dev.kiln.intent.eval.EvaluationCase;
import dev.kiln.intent.eval.EvaluationCases;
import dev.kiln.intent.eval.EvaluationReport;
import dev.kiln.intent.eval.IntentEvaluation;
import dev.kiln.intent.eval.Score;
import dev.kiln.intent.eval.SplitFigures;
import dev.kiln.spec.KilnException;
import dev.kiln.spec.ServiceSpec;
import dev.kiln.spec.io.SpecWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/**
 * {@code kiln bench codegen|intent|regen|ratelimit|auth|guard}: prints how fast Kiln generates and regenerates
 * projects, how well it reads prompts (with {@code --compile}, also that every spec it produces generates a
 * project that compiles), how a generated service's rate limiter behaves, what its security costs
 * ({@code auth}), or how long the guardrails take per input ({@code guard}, the same as {@code kiln guard
 * bench}, which takes its options).
 */
@Command(
        name = "bench",
        description =
                "Run a benchmark and print its figures. Targets: codegen, intent, regen, ratelimit DIR, auth DIR, "
                        + "guard (the same as 'kiln guard bench', with its options).",
        mixinStandardHelpOptions = true)
final class BenchCommand implements Callable<Integer> {
    @Parameters(
            index = "0",
            paramLabel = "TARGET",
            description = "What to measure: codegen, intent, regen, ratelimit, auth or guard.")
    @SuppressWarnings("NullAway.Init")
    private String target;

    @Parameters(
            index = "1",
            arity = "0..1",
            paramLabel = "DIR",
            description =
                    "For ratelimit and auth: a generated project with a rate limiter or auth, built (e.g. by kiln verify).")
    private @Nullable Path project;

    @Option(names = "--rounds", description = "Timed rounds per size (default 30).")
    private int rounds = 30;

    @Option(names = "--warmups", description = "Untimed warm-up rounds per size (default 20).")
    private int warmups = 20;

    @Option(names = "--processes", description = "Whole-process runs of 'kiln generate' for 20 entities (default 5).")
    private int processes = 5;

    @Option(
            names = "--compile",
            description = "With intent: also generate a project from every spec and compile its Java sources"
                    + " in-process (takes minutes; resolves the classpath once with a generated project's mvnw).")
    private boolean compile;

    @Option(
            names = "--compile-sources",
            description = "With --compile: MAIN (src/main/java) or ALL (main and test sources; default).")
    private SourceSet compileSources = SourceSet.ALL;

    @Option(
            names = "--only",
            split = ",",
            paramLabel = "ID",
            description = "With intent: only these labelled prompts, by id (for example d01,n07).")
    private List<String> only = new ArrayList<>();

    /** Options of {@code kiln guard bench} ({@code --data}, {@code --band}), passed on for {@code guard}. */
    @Unmatched
    private List<String> unmatched = new ArrayList<>();

    @picocli.CommandLine.Spec
    @SuppressWarnings("NullAway.Init")
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if ("guard".equals(target)) {
            return guard();
        }
        if (!unmatched.isEmpty()) {
            throw new KilnException("kiln bench " + target + " does not take " + String.join(" ", unmatched)
                    + "; see kiln bench --help");
        }
        if ("intent".equals(target)) {
            List<EvaluationCase> cases = cases();
            intent(out, cases);
            if (!compile) {
                return ExitCodes.OK;
            }
            return compileCheck(out, cases) ? ExitCodes.OK : ExitCodes.FAILED;
        }
        if ("regen".equals(target)) {
            regen(out);
            return ExitCodes.OK;
        }
        if ("auth".equals(target)) {
            if (project == null) {
                throw new KilnException("kiln bench auth needs the project directory: kiln bench auth DIR");
            }
            AuthBench.run(project, out);
            return ExitCodes.OK;
        }
        if ("ratelimit".equals(target)) {
            if (project == null) {
                throw new KilnException("kiln bench ratelimit needs the project directory: kiln bench ratelimit DIR");
            }
            RateLimitBench.run(project, out);
            return ExitCodes.OK;
        }
        if (!"codegen".equals(target)) {
            throw new KilnException(
                    "unknown benchmark '" + target + "'; available: codegen, intent, regen, ratelimit, auth, guard");
        }
        out.printf(
                Locale.ROOT,
                "kiln %s, Java %s, %d cores%n%n",
                KilnVersion.get(),
                Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        out.println("In-process generation (warm), synthetic specs with 8 fields per entity:");
        out.println("entities | files | median ms | p90 ms | ms/entity");
        CodegenBenchmark benchmark = new CodegenBenchmark(new ProjectGenerator(KilnVersion.get()));
        for (CodegenBenchmark.Result r : benchmark.measureAll(List.of(1, 5, 20, 100), warmups, rounds)) {
            out.printf(
                    Locale.ROOT,
                    "%8d | %5d | %9.1f | %6.1f | %9.2f%n",
                    r.entities(),
                    r.files(),
                    r.medianMillis(),
                    r.p90Millis(),
                    r.medianMillis() / r.entities());
            out.flush();
        }
        out.println();
        Optional<Path> jar = ownJar();
        if (jar.isEmpty()) {
            out.println("Whole-process figures need the packaged CLI; run this through ./kiln.");
            return ExitCodes.OK;
        }
        wholeProcess(jar.get(), out);
        return ExitCodes.OK;
    }

    private void regen(PrintWriter out) throws IOException, InterruptedException {
        ProjectGenerator generator = new ProjectGenerator(KilnVersion.get());
        Path dir = Files.createTempDirectory("kiln-bench-regen-");
        try {
            RegenerationBenchmark.Result r =
                    new RegenerationBenchmark(generator).measure(20, Math.min(warmups, 10), rounds, dir);
            out.printf(
                    Locale.ROOT,
                    "In-process regeneration of an edited %d-entity project (%d files; %d edited service classes;"
                            + " the spec gains or loses a field on %d entities each round):%n"
                            + "  %d files written per round, %d of them merged with edits; median %.1f ms, p90 %.1f ms"
                            + " (%d rounds)%n",
                    r.entities(),
                    r.files(),
                    RegenerationBenchmark.CHANGED_ENTITIES,
                    RegenerationBenchmark.CHANGED_ENTITIES,
                    r.changedFiles(),
                    r.mergedFiles(),
                    r.medianMillis(),
                    r.p90Millis(),
                    r.rounds());
            out.flush();
            Optional<Path> jar = ownJar();
            if (jar.isEmpty()) {
                out.println("Whole-process figures need the packaged CLI; run this through ./kiln.");
                return;
            }
            ServiceSpec base = SyntheticSpecs.withEntities(20);
            Path v1 = dir.resolve("v1.kiln.yaml");
            Path v2 = dir.resolve("v2.kiln.yaml");
            Files.writeString(v1, SpecWriter.toYaml(base));
            Files.writeString(v2, SpecWriter.toYaml(RegenerationBenchmark.withExtraField(base)));
            Path project = dir.resolve("project");
            GeneratedProject first = generator.generate(base);
            ProjectWriter.writeNew(first, project);
            RegenerationBenchmark.editServices(project, first);
            double[] millis = new double[processes];
            for (int i = 0; i < processes; i++) {
                // Every other run drops the field again: destructive, so allowed explicitly.
                millis[i] = runGenerate(
                        jar.get(), List.of(), i % 2 == 0 ? v2 : v1, project, List.of("--allow-destructive"));
            }
            Arrays.sort(millis);
            out.printf(
                    Locale.ROOT,
                    "Whole process './kiln generate' regenerating it (JVM start to exit, %d runs): median %.0f ms,"
                            + " best %.0f ms%n",
                    processes,
                    millis[processes / 2],
                    millis[0]);
        } finally {
            ProjectWriter.deleteRecursively(dir);
        }
    }

    private List<EvaluationCase> cases() {
        List<EvaluationCase> all = EvaluationCases.standard();
        if (only.isEmpty()) {
            return all;
        }
        List<String> unknown = only.stream()
                .filter(id -> all.stream().noneMatch(c -> c.id().equals(id)))
                .toList();
        if (!unknown.isEmpty()) {
            throw new KilnException(
                    "no labelled prompt with id " + String.join(", ", unknown) + " in " + EvaluationCases.STANDARD);
        }
        return all.stream().filter(c -> only.contains(c.id())).toList();
    }

    /** Prints one line per prompt and a summary; returns whether every spec gave a compiling project. */
    private boolean compileCheck(PrintWriter out, List<EvaluationCase> cases) throws IOException {
        out.println();
        out.printf(
                Locale.ROOT,
                "Compile check: generating a project from each spec and compiling its %s sources (--release 21)...%n",
                compileSources == SourceSet.ALL ? "main and test" : "main");
        out.flush();
        CompileCheck.Listener progress = new CompileCheck.Listener() {
            @Override
            public void classpath(int entries, Duration took) {
                out.printf(
                        Locale.ROOT,
                        "classpath: %d entries, resolved with a generated project's mvnw (once per set of dependencies) in %.1f s%n",
                        entries,
                        took.toMillis() / 1000.0);
                out.flush();
            }

            @Override
            public void checked(CompileCheck.Outcome o) {
                out.printf(
                        Locale.ROOT,
                        "%-4s %-4s %3d files %6.1f s%s%n",
                        o.id(),
                        o.ok() ? "ok" : "FAIL",
                        o.files(),
                        o.took().toMillis() / 1000.0,
                        o.ok() ? "" : "  (" + o.stage() + ")");
                o.errors().forEach(e -> out.println("       " + e));
                out.flush();
            }
        };
        Path work = Files.createTempDirectory("kiln-compile-check-");
        try {
            CompileCheck check = new CompileCheck(
                    new RuleBasedIntentParser(),
                    new ProjectGenerator(KilnVersion.get()),
                    new ClasspathResolver(JdkLocator.system(), Duration.ofMinutes(10)),
                    compileSources,
                    progress);
            CompileCheck.Report report = check.run(cases, work);
            out.printf(
                    Locale.ROOT,
                    "%d/%d specs generate compiling projects (%s sources; %.0f s in all)%n",
                    report.passed(),
                    report.outcomes().size(),
                    compileSources == SourceSet.ALL ? "main and test" : "main",
                    report.took().toMillis() / 1000.0);
            return report.allPassed();
        } finally {
            ProjectWriter.deleteRecursively(work);
        }
    }

    private static void intent(PrintWriter out, List<EvaluationCase> cases) {
        RuleBasedIntentParser parser = new RuleBasedIntentParser();
        for (int i = 0; i < 3; i++) {
            cases.forEach(c -> parser.parse(c.prompt()));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        EvaluationReport report = new IntentEvaluation(parser, threads::getCurrentThreadCpuTime).evaluate(cases);
        SplitFigures wall = new IntentEvaluation(parser).evaluate(cases).all();
        out.printf(
                Locale.ROOT,
                "Offline intent parser on %d labelled prompts (%s), warm:%n",
                cases.size(),
                EvaluationCases.STANDARD);
        out.println(
                "split   | prompts | entity P/R/F1      | named-field R | relation P/R/F1    | feature P/R/F1     | p50 ms | p90 ms");
        row(out, "dev", report.dev());
        row(out, "heldout", report.heldout());
        row(out, "all", report.all());
        out.printf(
                Locale.ROOT,
                "p50 and p90 are CPU time of the parsing thread, which other processes do not inflate;"
                        + " wall clock over all prompts: p50 %.1f ms, p90 %.1f ms.%n",
                wall.p50Nanos() / 1e6,
                wall.p90Nanos() / 1e6);
        long failing =
                report.cases().stream().filter(c -> !c.misses().isEmpty()).count();
        out.printf(
                Locale.ROOT,
                "%d of %d prompts not parsed perfectly; see IntentEvaluation for per-case results.%n",
                failing,
                cases.size());
    }

    private static void row(PrintWriter out, String name, SplitFigures f) {
        out.printf(
                Locale.ROOT,
                "%-7s | %7d | %s | %13.3f | %s | %s | %6.1f | %6.1f%n",
                name,
                f.prompts(),
                prf(f.entities()),
                f.fieldRecall(),
                prf(f.relations()),
                prf(f.features()),
                f.p50Nanos() / 1e6,
                f.p90Nanos() / 1e6);
    }

    private static String prf(Score s) {
        return String.format(Locale.ROOT, "%.3f/%.3f/%.3f", s.precision(), s.recall(), s.f1());
    }

    private void wholeProcess(Path jar, PrintWriter out) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("kiln-bench-");
        try {
            Path spec20 = dir.resolve("bench-20.kiln.yaml");
            Files.writeString(spec20, SpecWriter.toYaml(SyntheticSpecs.withEntities(20)));
            double[] millis = new double[processes];
            for (int i = 0; i < processes; i++) {
                millis[i] = runGenerate(jar, List.of(), spec20, dir.resolve("out20-" + i));
            }
            Arrays.sort(millis);
            out.printf(
                    Locale.ROOT,
                    "Whole process './kiln generate' of 20 entities (JVM start to exit, %d runs):"
                            + " median %.0f ms, best %.0f ms%n",
                    processes,
                    millis[processes / 2],
                    millis[0]);
            Path spec100 = dir.resolve("bench-100.kiln.yaml");
            Files.writeString(spec100, SpecWriter.toYaml(SyntheticSpecs.withEntities(100)));
            double small = runGenerate(jar, List.of("-Xmx256m"), spec100, dir.resolve("out100"));
            out.printf(Locale.ROOT, "100 entities with -Xmx256m: ok in %.0f ms%n", small);
        } finally {
            ProjectWriter.deleteRecursively(dir);
        }
    }

    private static double runGenerate(Path jar, List<String> extraJvm, Path specFile, Path outDir)
            throws IOException, InterruptedException {
        return runGenerate(jar, extraJvm, specFile, outDir, List.of());
    }

    private static double runGenerate(
            Path jar, List<String> extraJvm, Path specFile, Path outDir, List<String> extraArgs)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(extraJvm);
        command.addAll(List.of("-jar", jar.toString(), "generate", specFile.toString(), "--out", outDir.toString()));
        command.addAll(extraArgs);
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new KilnException("benchmark run failed: " + String.join(" ", command) + "\n"
                    + new String(output, java.nio.charset.StandardCharsets.UTF_8));
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static Optional<Path> ownJar() {
        try {
            Path location = Path.of(Kiln.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return Files.isRegularFile(location) && location.toString().endsWith(".jar")
                    ? Optional.of(location)
                    : Optional.empty();
        } catch (URISyntaxException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** Runs {@code kiln guard bench} with every argument given after {@code guard}. */
    private int guard() {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        List<String> original = parsed.originalArgs();
        List<String> args = new ArrayList<>(original.subList(original.indexOf("guard") + 1, original.size()));
        // Options given before the target were taken by this command; they mean the same to the guard bench.
        if (parsed.hasMatchedOption("--rounds") && !args.contains("--rounds")) {
            args.addAll(List.of("--rounds", Integer.toString(rounds)));
        }
        if (parsed.hasMatchedOption("--warmups") && !args.contains("--warmups")) {
            args.addAll(List.of("--warmups", Integer.toString(warmups)));
        }
        GuardBenchCommand bench = new GuardBenchCommand();
        CommandLine nested = new CommandLine(bench);
        nested.setOut(spec.commandLine().getOut());
        nested.setErr(spec.commandLine().getErr());
        try {
            nested.parseArgs(args.toArray(String[]::new));
        } catch (ParameterException e) {
            throw new KilnException("kiln bench guard: " + e.getMessage() + "; see kiln guard bench --help", e);
        }
        return bench.call();
    }
}
