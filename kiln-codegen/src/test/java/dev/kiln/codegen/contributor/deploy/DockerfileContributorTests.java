package dev.kiln.codegen.contributor.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.codegen.GeneratedProject;
import dev.kiln.codegen.TestSpecs;
import dev.kiln.codegen.contributor.build.ContainerImage;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the generated {@code Dockerfile} as far as is possible without a Docker engine: that it is made
 * of known instructions, that each stage and copied path exists, and that the runtime stage starts the
 * service as the image model says.
 */
class DockerfileContributorTests {
    private static final Set<String> INSTRUCTIONS =
            Set.of("FROM", "WORKDIR", "COPY", "RUN", "USER", "ENV", "EXPOSE", "ENTRYPOINT", "ARG", "LABEL", "CMD");
    private static final GeneratedProject BLOG = TestSpecs.generate(TestSpecs.blog());
    private static final List<Instruction> DOCKERFILE = Instruction.parse(BLOG.text("Dockerfile"));

    /** One instruction with its continuation lines joined. */
    record Instruction(String keyword, String arguments) {
        static List<Instruction> parse(String dockerfile) {
            List<Instruction> instructions = new ArrayList<>();
            StringBuilder pending = new StringBuilder();
            for (String line : dockerfile.lines().toList()) {
                if (line.isBlank() || line.strip().startsWith("#")) {
                    continue;
                }
                if (line.endsWith("\\")) {
                    pending.append(line, 0, line.length() - 1).append(' ');
                    continue;
                }
                String full = (pending + line).strip();
                pending.setLength(0);
                int space = full.indexOf(' ');
                instructions.add(new Instruction(
                        full.substring(0, space), full.substring(space + 1).strip()));
            }
            assertThat(pending.toString())
                    .as("a continuation line ends the file")
                    .isEmpty();
            return instructions;
        }
    }

    private static List<Instruction> all(String keyword) {
        return DOCKERFILE.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    private static List<String> tokens(String arguments) {
        return List.of(arguments.split("\\s+"));
    }

    @Test
    void everyInstructionIsAKnownUpperCaseKeyword() {
        assertThat(DOCKERFILE)
                .isNotEmpty()
                .allSatisfy(i -> assertThat(INSTRUCTIONS).contains(i.keyword()));
        assertThat(DOCKERFILE.get(0).keyword()).isEqualTo("FROM");
    }

    @Test
    void buildsInANamedJdkStageAndRunsFromAJreStage() {
        List<Instruction> stages = all("FROM");

        assertThat(stages)
                .extracting(Instruction::arguments)
                .containsExactly(DockerfileContributor.BUILD_IMAGE + " AS build", DockerfileContributor.RUNTIME_IMAGE);
        for (Instruction copy : all("COPY")) {
            if (copy.arguments().startsWith("--from=")) {
                assertThat(tokens(copy.arguments()).get(0)).isEqualTo("--from=build");
            }
        }
    }

    @Test
    void theBuildStageCopiesOnlyPathsTheProjectHasAndTheIgnoreFileKeeps() {
        List<PathMatcher> ignored = BLOG.text(".dockerignore")
                .lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(pattern ->
                        FileSystems.getDefault().getPathMatcher("glob:" + pattern.replaceAll("/$", "") + "{,/**}"))
                .toList();
        List<String> sources = new ArrayList<>();
        for (Instruction copy : all("COPY")) {
            List<String> args = tokens(copy.arguments());
            if (!args.get(0).startsWith("--from=")) {
                sources.addAll(args.subList(0, args.size() - 1));
            }
        }

        assertThat(sources).containsExactly(".mvn/", "mvnw", "pom.xml", "src/");
        for (String source : sources) {
            assertThat(BLOG.paths())
                    .as(source)
                    .anyMatch(path -> path.equals(source) || (source.endsWith("/") && path.startsWith(source)));
            assertThat(ignored).as(source).noneMatch(m -> m.matches(Path.of(source)));
        }
        assertThat(ignored).anyMatch(m -> m.matches(Path.of("target/blog-0.0.1-SNAPSHOT.jar")));
    }

    @Test
    void theRuntimeStageCopiesTheSpringBootLayersInOrderFromTheJarThePomBuilds() {
        String build = all("RUN").get(0).arguments();
        List<String> layers = all("COPY").stream()
                .map(Instruction::arguments)
                .filter(args -> args.startsWith("--from=build"))
                .map(args -> tokens(args).get(1))
                .toList();

        assertThat(build)
                .contains("mvnw -B -ntp package")
                .contains("cp target/blog-0.0.1-SNAPSHOT.jar application.jar")
                .contains("java -Djarmode=tools -jar application.jar extract --layers --destination extracted");
        assertThat(BLOG.text("pom.xml"))
                .contains("<artifactId>blog</artifactId>")
                .contains("<version>0.0.1-SNAPSHOT</version>");
        assertThat(layers)
                .containsExactlyElementsOf(DockerfileContributor.LAYERS.stream()
                        .map(layer -> "/workspace/extracted/" + layer + "/")
                        .toList());
    }

    @Test
    void theServiceStartsAsANonRootUserWithTheImageFlagsAndTheCacheItWasTrainedWith() {
        List<String> entrypoint = List.of(
                JsonMapper.builder().build().readValue(all("ENTRYPOINT").get(0).arguments(), String[].class));
        String training = all("RUN").get(1).arguments();
        List<String> expected = new ArrayList<>(List.of("java"));
        expected.addAll(ContainerImage.jvmFlags());
        expected.addAll(List.of("-XX:AOTCache=app.aot", "-jar", "application.jar"));
        int lastRun = DOCKERFILE.lastIndexOf(all("RUN").get(1));
        int user = DOCKERFILE.indexOf(all("USER").get(0));

        assertThat(entrypoint).containsExactlyElementsOf(expected);
        assertThat(tokens(training))
                .startsWith(expected.subList(0, expected.size() - 3).toArray(String[]::new))
                .contains("-XX:AOTCacheOutput=app.aot", "-Dspring.context.exit=onRefresh", "-jar", "application.jar");
        assertThat(all("USER"))
                .singleElement()
                .extracting(Instruction::arguments)
                .isEqualTo("10001:10001");
        assertThat(user)
                .as("USER follows every RUN, so only the build runs as root")
                .isGreaterThan(lastRun);
        assertThat(all("EXPOSE"))
                .singleElement()
                .extracting(Instruction::arguments)
                .isEqualTo("8080");
        assertThat(all("ENV")).extracting(Instruction::arguments).containsExactly("SERVER_ADDRESS=0.0.0.0");
    }
}
