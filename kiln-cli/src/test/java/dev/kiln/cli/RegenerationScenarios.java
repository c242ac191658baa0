package dev.kiln.cli;

import static dev.kiln.cli.KilnCommandTests.kiln;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.cli.KilnCommandTests.Run;
import dev.kiln.codegen.merge.FileAction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The machinery of {@link RegenerationScenarioTests}: a scenario is a table row (what the user does to a
 * freshly generated project, how the spec changes, the flags) with its exact expected outcome (exit code,
 * every file the plan lists with its action, and checks on contents). {@code RegenerationScenarioIT}
 * builds and verifies the results of some of them.
 */
final class RegenerationScenarios {
    /** The spec every scenario starts from. */
    static final String SHOP = """
            kiln: 1
            name: shop
            package: com.example.shop
            entities:
              - name: Customer
                fields:
                  - { name: name, type: string, required: true, maxLength: 100 }
                  - { name: email, type: email, unique: true }
              - name: Product
                fields:
                  - { name: title, type: string, required: true, maxLength: 80 }
                  - { name: stock, type: int }
                  - { name: status, type: enum, values: [DRAFT, LIVE], default: DRAFT }
            """;

    /** Main sources of the service. */
    static final String M = "src/main/java/com/example/shop/";

    /** Test sources of the service. */
    static final String T = "src/test/java/com/example/shop/";

    /** Flyway migrations. */
    static final String DB = "src/main/resources/db/migration/";

    private RegenerationScenarios() {}

    /** Something the user does to the project before regenerating, or a check afterwards. */
    @FunctionalInterface
    interface Step {
        void run(Project project) throws IOException;
    }

    /** A check of the outcome, given the project and the final command's run. */
    @FunctionalInterface
    interface Check {
        void check(Project project, Run run) throws IOException;
    }

    /**
     * One row of the table.
     *
     * @param name what happens, as the test's display name
     * @param steps what the user does first, in order
     * @param spec the new spec, from {@link #SHOP}
     * @param flags extra flags of the final {@code kiln generate}
     * @param exit the expected exit code
     * @param plan every line the plan prints for a file, {@code action path} with {@code M/}, {@code T/} and
     *     {@code DB/} for the source and migration directories, in path order
     * @param checks checks on the result
     */
    record Scenario(
            String name,
            List<Step> steps,
            UnaryOperator<String> spec,
            List<String> flags,
            int exit,
            String plan,
            List<Check> checks) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Builds a scenario. */
    static final class Builder {
        private final String name;
        private final List<Step> steps = new ArrayList<>();
        private UnaryOperator<String> spec = UnaryOperator.identity();
        private final List<String> flags = new ArrayList<>();
        private int exit = ExitCodes.OK;
        private final List<Check> checks = new ArrayList<>();

        Builder(String name) {
            this.name = name;
        }

        Builder given(Step step) {
            steps.add(step);
            return this;
        }

        Builder spec(UnaryOperator<String> change) {
            spec = change;
            return this;
        }

        Builder flags(String... more) {
            flags.addAll(List.of(more));
            return this;
        }

        Builder exit(int code) {
            exit = code;
            return this;
        }

        Builder then(Check check) {
            checks.add(check);
            return this;
        }

        Scenario plan(String lines) {
            return new Scenario(name, List.copyOf(steps), spec, List.copyOf(flags), exit, lines, List.copyOf(checks));
        }
    }

    static Builder scenario(String name) {
        return new Builder(name);
    }

    /** A generated project in a temporary directory, with the user's moves and a snapshot of every file. */
    static final class Project {
        private final Path dir;
        private final Path root;
        private Map<String, Snapshot> snapshot = Map.of();

        /** A file's content and modification time. */
        record Snapshot(String content, FileTime modified) {}

        Project(Path dir) {
            this.dir = dir;
            this.root = dir.resolve("shop");
        }

        Path root() {
            return root;
        }

        Path file(String path) {
            return root.resolve(expand(path));
        }

        String read(String path) throws IOException {
            return Files.readString(file(path));
        }

        void edit(String path, String from, String to) throws IOException {
            String text = read(path);
            assertThat(text).as("%s before the edit", path).contains(from);
            Files.writeString(file(path), text.replace(from, to));
        }

        void write(String path, String text) throws IOException {
            Files.createDirectories(file(path).getParent());
            Files.writeString(file(path), text);
        }

        void delete(String path) throws IOException {
            Files.delete(file(path));
        }

        Run generate(String spec, String... flags) throws IOException {
            Path specFile = Files.writeString(dir.resolve("kiln.yaml"), spec);
            List<String> args = new ArrayList<>(List.of("generate", specFile.toString(), "--out", root.toString()));
            args.addAll(Arrays.asList(flags));
            return kiln(args.toArray(String[]::new));
        }

        /** Regenerates as an earlier step of the user, which must succeed. */
        void regenerate(String spec) throws IOException {
            Run run = generate(spec);
            assertThat(run.code()).as(run.err()).isZero();
        }

        void takeSnapshot() throws IOException {
            snapshot = files();
        }

        Map<String, Snapshot> snapshot() {
            return snapshot;
        }

        Map<String, Snapshot> files() throws IOException {
            Map<String, Snapshot> files = new TreeMap<>();
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    files.put(
                            root.relativize(file).toString(),
                            new Snapshot(Files.readString(file), Files.getLastModifiedTime(file)));
                }
            }
            return files;
        }
    }

    /**
     * Runs a scenario in a directory: generates {@link #SHOP}, takes the user's steps, snapshots the files,
     * regenerates from the new spec with the flags, and checks the outcome.
     *
     * @param scenario the row
     * @param dir an empty directory
     * @return the project, for further checks such as building it
     */
    static Project run(Scenario scenario, Path dir) throws IOException {
        Project project = new Project(dir);
        Run first = project.generate(SHOP);
        assertThat(first.code()).as(first.err()).isZero();
        for (Step step : scenario.steps()) {
            step.run(project);
        }
        project.takeSnapshot();

        Run run = project.generate(scenario.spec().apply(SHOP), scenario.flags().toArray(String[]::new));

        assertThat(run.code())
                .as("exit code; stdout:\n%s\nstderr:\n%s", run.out(), run.err())
                .isEqualTo(scenario.exit());
        assertThat(planLines(run.out())).as("plan; stdout:\n%s", run.out()).isEqualTo(lines(scenario.plan()));
        for (Check check : scenario.checks()) {
            check.check(project, run);
        }
        return project;
    }

    /** The lines a plan prints for files, abbreviated, in the order printed. */
    static List<String> planLines(String out) {
        List<String> labels = Stream.of(FileAction.values())
                .map(FileAction::label)
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        List<String> lines = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.startsWith("  ")) {
                continue;
            }
            String rest = line.substring(2);
            for (String label : labels) {
                if (rest.startsWith(label + " ")) {
                    lines.add(label + " "
                            + abbreviate(rest.substring(label.length()).strip()));
                    break;
                }
            }
        }
        return lines;
    }

    private static List<String> lines(String plan) {
        return plan.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    static String expand(String path) {
        if (path.startsWith("M/")) {
            return M + path.substring(2);
        }
        if (path.startsWith("T/")) {
            return T + path.substring(2);
        }
        return path.startsWith("DB/") ? DB + path.substring(3) : path;
    }

    private static String abbreviate(String path) {
        if (path.startsWith(M)) {
            return "M/" + path.substring(M.length());
        }
        if (path.startsWith(T)) {
            return "T/" + path.substring(T.length());
        }
        return path.startsWith(DB) ? "DB/" + path.substring(DB.length()) : path;
    }

    /** Checks that no file was written, created or deleted by the final run. */
    static Check untouched() {
        return (project, run) -> assertThat(project.files()).isEqualTo(project.snapshot());
    }

    /** Checks that a file contains every text. */
    static Check contains(String path, String... texts) {
        return (project, run) -> assertThat(project.read(path)).contains(texts);
    }

    /** Checks that a file contains none of the texts. */
    static Check lacks(String path, String... texts) {
        return (project, run) -> assertThat(project.read(path)).doesNotContain(texts);
    }

    /** Checks that a file does not exist. */
    static Check absent(String path) {
        return (project, run) -> assertThat(project.file(path)).doesNotExist();
    }

    /** Checks that a file is exactly as it was before the final run. */
    static Check unchanged(String path) {
        return (project, run) -> {
            Project.Snapshot before = Objects.requireNonNull(
                    project.snapshot().get(expand(path)), () -> path + " existed before the run");
            assertThat(project.read(path)).isEqualTo(before.content());
            assertThat(Files.getLastModifiedTime(project.file(path))).isEqualTo(before.modified());
        };
    }

    /** Checks the standard output. */
    static Check out(String... texts) {
        return (project, run) -> assertThat(run.out()).contains(texts);
    }

    /** Checks the standard error. */
    static Check err(String... texts) {
        return (project, run) -> assertThat(run.err()).contains(texts);
    }

    /** Checks the migrations on disk, by file name, sorted. */
    static Check migrations(String... names) {
        return (project, run) -> {
            try (Stream<Path> files = Files.list(project.file("DB/"))) {
                assertThat(files.map(f -> f.getFileName().toString()).sorted()).containsExactly(names);
            }
        };
    }
}
