package dev.kiln.cli.compile;

import dev.kiln.codegen.GeneratedProject;
import dev.kiln.codegen.ProjectGenerator;
import dev.kiln.codegen.writer.ProjectWriter;
import dev.kiln.intent.IntentParser;
import dev.kiln.intent.eval.EvaluationCase;
import dev.kiln.spec.KilnException;
import dev.kiln.spec.ServiceSpec;
import dev.kiln.spec.io.SpecReader;
import dev.kiln.spec.io.SpecWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that every spec a parser produces for a set of labelled prompts generates a project that
 * compiles.
 *
 * <p>Each prompt goes the way {@code kiln new} takes it: parse, write the spec as YAML and read it back with
 * full validation, generate, write the project to disk. Its Java sources are then compiled by one
 * {@link ProjectCompiler} against a classpath resolved by a {@link ClasspathResolver} once per distinct set
 * of dependencies (features such as {@code auth} and {@code rateLimit} add some), from the first project
 * that has it. A prompt fails at the first stage that fails: {@code parse}, {@code spec},
 * {@code generate} or {@code compile}.
 */
public final class CompileCheck {
    private static final Pattern DEPENDENCY = Pattern.compile("<dependency>.*?</dependency>", Pattern.DOTALL);

    /** Hears about the check as it goes. */
    public interface Listener {
        /** A listener that ignores everything. */
        Listener NOOP = new Listener() {};

        /**
         * The classpath was resolved.
         *
         * @param entries how many jars and folders it has
         * @param took how long Maven took
         */
        default void classpath(int entries, Duration took) {}

        /**
         * One prompt was checked.
         *
         * @param outcome the outcome
         */
        default void checked(Outcome outcome) {}
    }

    /**
     * What happened to one prompt.
     *
     * @param id the case id
     * @param ok whether its project compiled
     * @param stage the stage it reached: {@code compile} when it got that far, else the stage that failed
     * @param files how many Java files were compiled
     * @param errors why it failed: the compiler's errors or the failing stage's message
     * @param took how long the prompt took, parse to compile
     */
    public record Outcome(String id, boolean ok, String stage, int files, List<String> errors, Duration took) {
        /** Copies the list. */
        public Outcome {
            errors = List.copyOf(errors);
        }
    }

    /**
     * The whole check.
     *
     * @param outcomes one per prompt, in order
     * @param classpathEntries how many entries the resolved classpath has
     * @param classpathTook how long resolving it took
     * @param took how long the whole check took
     */
    public record Report(List<Outcome> outcomes, int classpathEntries, Duration classpathTook, Duration took) {
        /** Copies the list. */
        public Report {
            outcomes = List.copyOf(outcomes);
        }

        /**
         * Returns how many prompts gave compiling projects.
         *
         * @return the count
         */
        public long passed() {
            return outcomes.stream().filter(Outcome::ok).count();
        }

        /**
         * Returns whether every prompt gave a compiling project.
         *
         * @return true if none failed
         */
        public boolean allPassed() {
            return passed() == outcomes.size();
        }
    }

    private final IntentParser parser;
    private final ProjectGenerator generator;
    private final Function<Path, List<Path>> classpath;
    private final SourceSet sources;
    private final Listener listener;

    /**
     * Creates a check.
     *
     * @param parser turns prompts into specs
     * @param generator turns specs into projects
     * @param resolver resolves a classpath from a generated project, once per distinct set of dependencies
     * @param sources which sources to compile
     * @param listener hears about progress
     */
    public CompileCheck(
            IntentParser parser,
            ProjectGenerator generator,
            ClasspathResolver resolver,
            SourceSet sources,
            Listener listener) {
        this(parser, generator, resolver::resolve, sources, listener);
    }

    /**
     * Creates a check with any way to find the classpath, for tests.
     *
     * @param parser turns prompts into specs
     * @param generator turns specs into projects
     * @param classpath gives the classpath for a generated project on disk
     * @param sources which sources to compile
     * @param listener hears about progress
     */
    public CompileCheck(
            IntentParser parser,
            ProjectGenerator generator,
            Function<Path, List<Path>> classpath,
            SourceSet sources,
            Listener listener) {
        this.parser = parser;
        this.generator = generator;
        this.classpath = classpath;
        this.sources = sources;
        this.listener = listener;
    }

    /**
     * Runs the check.
     *
     * @param cases the labelled prompts
     * @param workDir an empty folder for the generated projects and class files; left as it is
     * @return the outcomes
     * @throws KilnException if the classpath cannot be resolved
     */
    public Report run(List<EvaluationCase> cases, Path workDir) {
        long start = System.nanoTime();
        List<Outcome> outcomes = new ArrayList<>();
        List<Prepared> prepared = new ArrayList<>();
        for (EvaluationCase c : cases) {
            Prepared p = prepare(c, workDir);
            prepared.add(p);
            if (p.failure().isPresent()) {
                outcomes.add(p.failure().get());
                listener.checked(p.failure().get());
            }
        }
        // Features bring dependencies (auth the authorization server, rateLimit Bucket4j): resolve one
        // classpath per distinct set of dependencies, and compile each project against its own.
        Map<String, List<Prepared>> byDependencies = new LinkedHashMap<>();
        for (Prepared p : prepared) {
            if (p.failure().isEmpty()) {
                byDependencies
                        .computeIfAbsent(dependencies(p.projectDir()), k -> new ArrayList<>())
                        .add(p);
            }
        }
        int entries = 0;
        Duration classpathTook = Duration.ZERO;
        for (List<Prepared> group : byDependencies.values()) {
            long resolving = System.nanoTime();
            List<Path> jars = classpath.apply(group.get(0).projectDir());
            Duration took = Duration.ofNanos(System.nanoTime() - resolving);
            listener.classpath(jars.size(), took);
            entries = Math.max(entries, jars.size());
            classpathTook = classpathTook.plus(took);
            try (ProjectCompiler compiler = ProjectCompiler.over(jars)) {
                for (Prepared p : group) {
                    Outcome outcome = compile(compiler, p);
                    outcomes.add(outcome);
                    listener.checked(outcome);
                    ProjectWriter.deleteRecursively(p.projectDir());
                }
            }
        }
        List<Outcome> ordered = new ArrayList<>();
        for (EvaluationCase c : cases) {
            outcomes.stream().filter(o -> o.id().equals(c.id())).findFirst().ifPresent(ordered::add);
        }
        return new Report(ordered, entries, classpathTook, Duration.ofNanos(System.nanoTime() - start));
    }

    /** The {@code <dependency>} elements of a generated project's pom, which decide its classpath. */
    private static String dependencies(Path projectDir) {
        Path pom = projectDir.resolve("pom.xml");
        try {
            Matcher m = DEPENDENCY.matcher(Files.readString(pom));
            StringBuilder key = new StringBuilder();
            while (m.find()) {
                key.append(m.group()).append('\n');
            }
            return key.toString();
        } catch (IOException e) {
            throw new KilnException("cannot read " + pom + ": " + e.getMessage(), e);
        }
    }

    /** A prompt taken as far as a project on disk, or stopped on the way. */
    private record Prepared(String id, Path projectDir, long nanos, Optional<Outcome> failure) {}

    private Prepared prepare(EvaluationCase c, Path workDir) {
        long start = System.nanoTime();
        Path projectDir = workDir.resolve(c.id());
        String stage = "parse";
        try {
            ServiceSpec parsed = parser.parse(c.prompt()).spec();
            stage = "spec";
            String yaml = SpecWriter.toYaml(parsed);
            ServiceSpec spec = new SpecReader().read(yaml, c.id() + ".kiln.yaml", false);
            stage = "generate";
            GeneratedProject project = generator.generate(spec);
            ProjectWriter.writeNew(project, projectDir);
            return new Prepared(c.id(), projectDir, System.nanoTime() - start, Optional.empty());
        } catch (RuntimeException e) {
            Outcome failed = new Outcome(
                    c.id(),
                    false,
                    stage,
                    0,
                    List.of(String.valueOf(e.getMessage())),
                    Duration.ofNanos(System.nanoTime() - start));
            return new Prepared(c.id(), projectDir, 0, Optional.of(failed));
        }
    }

    private Outcome compile(ProjectCompiler compiler, Prepared p) {
        Compilation result =
                compiler.compile(p.projectDir(), sources, p.projectDir().resolve("target/classes"));
        return new Outcome(
                p.id(),
                result.ok(),
                "compile",
                result.files(),
                result.errors(),
                Duration.ofNanos(p.nanos()).plus(result.took()));
    }
}
