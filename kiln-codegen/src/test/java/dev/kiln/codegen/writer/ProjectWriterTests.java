package dev.kiln.codegen.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.kiln.codegen.GeneratedProject;
import dev.kiln.codegen.TestSpecs;
import dev.kiln.spec.KilnException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectWriterTests {
    private static final GeneratedProject TINY =
            TestSpecs.generate(TestSpecs.read(Path.of("src/test/resources/golden/tiny.kiln.yaml")));

    @TempDir
    Path dir;

    @Nested
    class Writing {
        @Test
        void writesEveryFileIntoANewDirectory() throws IOException {
            Path target = dir.resolve("nested/out/tiny");

            ProjectWriter.writeNew(TINY, target);

            assertThat(tree(target).keySet()).containsExactlyElementsOf(TINY.paths());
            for (String path : TINY.paths()) {
                assertThat(target.resolve(path)).as(path).hasBinaryContent(TINY.bytes(path));
            }
        }

        @Test
        void makesTheMavenWrapperExecutableAndNothingElse() throws IOException {
            assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
            Path target = dir.resolve("tiny");

            ProjectWriter.writeNew(TINY, target);

            assertThat(Files.getPosixFilePermissions(target.resolve("mvnw")))
                    .contains(
                            PosixFilePermission.OWNER_EXECUTE,
                            PosixFilePermission.GROUP_EXECUTE,
                            PosixFilePermission.OTHERS_EXECUTE);
            assertThat(Files.getPosixFilePermissions(target.resolve("mvnw.cmd")))
                    .doesNotContain(PosixFilePermission.OWNER_EXECUTE);
            assertThat(Files.getPosixFilePermissions(target.resolve("pom.xml")))
                    .doesNotContain(PosixFilePermission.OWNER_EXECUTE);
        }

        @Test
        void projectDirectoryIsReadableByOthersUnlikeAPrivateTempDirectory() throws IOException {
            assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
            Path target = dir.resolve("tiny");

            ProjectWriter.writeNew(TINY, target);

            assertThat(Files.getPosixFilePermissions(target))
                    .contains(PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE);
        }

        @Test
        void writesIntoAnExistingEmptyDirectory() throws IOException {
            Path target = Files.createDirectory(dir.resolve("empty"));

            ProjectWriter.writeNew(TINY, target);

            assertThat(target.resolve("pom.xml")).hasBinaryContent(TINY.bytes("pom.xml"));
            assertThat(stagingLeftovers(dir)).isEmpty();
        }
    }

    @Nested
    class Refusing {
        @Test
        void nonEmptyDirectoryThatIsNotAKilnProjectIsRefusedAndLeftUntouched() throws IOException {
            Path target = Files.createDirectory(dir.resolve("mine"));
            Files.writeString(target.resolve("notes.txt"), "my notes\n", StandardCharsets.UTF_8);
            Files.createDirectories(target.resolve("src"));
            Files.writeString(target.resolve("src/pom.xml"), "<project/>\n", StandardCharsets.UTF_8);
            Map<String, byte[]> before = tree(target);

            assertThatThrownBy(() -> ProjectWriter.writeNew(TINY, target))
                    .isInstanceOf(TargetNotEmptyException.class)
                    .hasMessageContaining("is not empty and is not a Kiln project")
                    .hasMessageContaining(target.toAbsolutePath().toString());

            assertThat(tree(target)).containsOnlyKeys(before.keySet());
            before.forEach((path, bytes) -> assertThat(target.resolve(path)).hasBinaryContent(bytes));
            assertThat(stagingLeftovers(dir)).isEmpty();
        }

        @Test
        void kilnProjectIsRefusedWithADifferentMessage() throws IOException {
            Path target = dir.resolve("generated");
            Files.createDirectories(target.resolve(ProjectWriter.KILN_DIR));
            Files.writeString(target.resolve("pom.xml"), "<project/>\n", StandardCharsets.UTF_8);

            assertThatThrownBy(() -> ProjectWriter.writeNew(TINY, target))
                    .isInstanceOf(TargetNotEmptyException.class)
                    .hasMessageContaining("is a Kiln project already")
                    .hasMessageNotContaining("is not a Kiln project");

            assertThat(target.resolve("pom.xml")).hasContent("<project/>");
        }

        @Test
        void existingFileAsTargetIsRefusedAndLeftUntouched() throws IOException {
            Path target = Files.writeString(dir.resolve("tiny"), "a file\n", StandardCharsets.UTF_8);

            assertThatThrownBy(() -> ProjectWriter.writeNew(TINY, target)).isInstanceOf(TargetNotEmptyException.class);

            assertThat(target).isRegularFile().hasContent("a file");
        }
    }

    @Nested
    class FailingMidway {
        @Test
        void fileWhereADirectoryMustGoLeavesNeitherStagingNorTarget() throws IOException {
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put("a.txt", new byte[] {1});
            files.put("conflict", new byte[] {2});
            files.put("conflict/inside.txt", new byte[] {3});
            Path target = dir.resolve("broken");

            assertThatThrownBy(() -> ProjectWriter.writeNew(new GeneratedProject(files), target))
                    .isInstanceOf(KilnException.class)
                    .isNotInstanceOf(TargetNotEmptyException.class)
                    .hasMessageContaining("could not write the project to " + target.toAbsolutePath());

            assertThat(target).doesNotExist();
            assertThat(stagingLeftovers(dir)).isEmpty();
            try (Stream<Path> entries = Files.list(dir)) {
                assertThat(entries).isEmpty();
            }
        }

        @Test
        void failingAfterWritingManyFilesCleansUpEveryOne() throws IOException {
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (String path : TINY.paths()) {
                files.put(path, TINY.bytes(path));
            }
            // Sorts after every real path, so the failure comes once the whole project is staged.
            files.put("zz", new byte[] {1});
            files.put("zz/file", new byte[] {2});
            Path target = dir.resolve("tiny");

            assertThatThrownBy(() -> ProjectWriter.writeNew(new GeneratedProject(files), target))
                    .isInstanceOf(KilnException.class);

            assertThat(target).doesNotExist();
            assertThat(stagingLeftovers(dir)).isEmpty();
        }

        @Test
        void parentThatCannotBeCreatedLeavesNothingBehind() throws IOException {
            Path blocker = Files.writeString(dir.resolve("blocker"), "x", StandardCharsets.UTF_8);
            Path target = blocker.resolve("sub/tiny");

            assertThatThrownBy(() -> ProjectWriter.writeNew(TINY, target)).isInstanceOf(KilnException.class);

            assertThat(blocker).isRegularFile().hasContent("x");
            try (Stream<Path> entries = Files.list(dir)) {
                assertThat(entries).containsExactly(blocker);
            }
        }

        @Test
        void failingIntoAnExistingEmptyDirectoryLeavesNoStagingBehind() throws IOException {
            Map<String, byte[]> files = Map.of("x", new byte[] {1}, "x/y", new byte[] {2});
            Path target = Files.createDirectory(dir.resolve("empty"));

            assertThatThrownBy(() -> ProjectWriter.writeNew(new GeneratedProject(files), target))
                    .isInstanceOf(KilnException.class);

            assertThat(stagingLeftovers(dir)).isEmpty();
            try (Stream<Path> entries = Files.list(target)) {
                assertThat(entries).isEmpty();
            }
        }
    }

    /** Returns the files under a directory by relative path, in path order. */
    private static Map<String, byte[]> tree(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return files;
    }

    private static List<Path> stagingLeftovers(Path parent) throws IOException {
        try (Stream<Path> entries = Files.list(parent)) {
            return entries.filter(p -> p.getFileName().toString().contains(".kiln-staging-"))
                    .toList();
        }
    }
}
