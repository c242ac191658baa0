package dev.kiln.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generates {@code golden/tiny.kiln.yaml} in memory and compares every file byte for byte with the
 * expected output committed under {@code src/test/resources/golden/tiny/}.
 *
 * <p>The Maven wrapper scripts ({@code mvnw}, {@code mvnw.cmd}) are copied verbatim from Kiln's resources,
 * so only their SHA-256 is kept, in {@code golden/tiny.sha256}.
 *
 * <p>To accept an intended change of the output, regenerate the golden files and review the diff:
 *
 * <pre>
 * ./mvnw -B -ntp -pl kiln-codegen -am spotless:apply verify -Dtest=GoldenFilesTests \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dkiln.golden.update=true
 * git diff kiln-codegen/src/test/resources/golden
 * </pre>
 *
 * <p>With {@value #UPDATE_PROPERTY}{@code =true} the test deletes and rewrites the golden directory and the
 * hash file from the current output, then compares as usual (and so passes). See also
 * {@code src/test/resources/golden/README.md}.
 */
class GoldenFilesTests {
    /** System property that makes the test rewrite the golden files instead of only comparing. */
    static final String UPDATE_PROPERTY = "kiln.golden.update";

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final Path SPEC = GOLDEN.resolve("tiny.kiln.yaml");
    private static final Path EXPECTED = GOLDEN.resolve("tiny");
    private static final Path HASHES = GOLDEN.resolve("tiny.sha256");
    private static final Set<String> HASHED = Set.of("mvnw", "mvnw.cmd");

    @Test
    void tinySpecGeneratesExactlyTheCommittedGoldenFiles() throws IOException {
        assertThat(SPEC)
                .as("golden files are read relative to the kiln-codegen module directory")
                .isRegularFile();
        GeneratedProject project = TestSpecs.generate(TestSpecs.read(SPEC));
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            write(project, EXPECTED, HASHES);
        }

        List<String> differences = differences(project, EXPECTED, HASHES);

        assertThat(differences)
                .withFailMessage(
                        "generated output differs from %s in %d path(s):%n  %s%n"
                                + "If the change is intended, rerun with -D%s=true (see golden/README.md)"
                                + " and review the diff.",
                        EXPECTED,
                        differences.size(),
                        String.join(System.lineSeparator() + "  ", differences),
                        UPDATE_PROPERTY)
                .isEmpty();
    }

    @Test
    void comparisonNamesChangedMissingAndUnexpectedPaths(@TempDir Path dir) throws IOException {
        GeneratedProject golden = TestSpecs.generate(TestSpecs.read(SPEC));
        Path expectedDir = dir.resolve("tiny");
        Path hashFile = dir.resolve("tiny.sha256");
        write(golden, expectedDir, hashFile);
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String path : golden.paths()) {
            files.put(path, golden.bytes(path));
        }
        byte[] readme = golden.bytes("README.md");
        readme[readme.length - 1] = (byte) ' ';
        files.put("README.md", readme);
        files.remove("pom.xml");
        files.put("extra.txt", new byte[] {1});
        files.put("mvnw", "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8));

        assertThat(differences(golden, expectedDir, hashFile)).isEmpty();
        assertThat(differences(new GeneratedProject(files), expectedDir, hashFile))
                .containsExactly(
                        "changed:    README.md",
                        "unexpected: extra.txt",
                        "changed:    mvnw (SHA-256)",
                        "missing:    pom.xml");
    }

    /** Compares a project with the golden files; each difference is a line naming its path. */
    private static List<String> differences(GeneratedProject project, Path expectedDir, Path hashFile)
            throws IOException {
        Map<String, byte[]> expected = expectedFiles(expectedDir);
        Map<String, String> hashes = expectedHashes(hashFile);
        Set<String> all = new TreeSet<>(paths(project));
        all.addAll(expected.keySet());
        all.addAll(hashes.keySet());
        List<String> out = new ArrayList<>();
        for (String path : all) {
            if (!project.contains(path)) {
                out.add("missing:    " + path);
            } else if (HASHED.contains(path)) {
                String hash = hashes.get(path);
                if (hash == null) {
                    out.add("unexpected: " + path + " (no SHA-256 in " + hashFile.getFileName() + ")");
                } else if (!hash.equals(sha256(project.bytes(path)))) {
                    out.add("changed:    " + path + " (SHA-256)");
                }
            } else if (!expected.containsKey(path)) {
                out.add("unexpected: " + path);
            } else if (!Arrays.equals(expected.get(path), project.bytes(path))) {
                out.add("changed:    " + path);
            }
        }
        return out;
    }

    private static List<String> paths(GeneratedProject project) {
        List<String> paths = new ArrayList<>();
        project.paths().forEach(paths::add);
        return paths;
    }

    private static Map<String, byte[]> expectedFiles(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String relative = dir.relativize(file).toString().replace('\\', '/');
                files.put(relative, Files.readAllBytes(file));
            }
        }
        return files;
    }

    /** Reads lines in {@code sha256sum} format: the hex digest, two spaces, the path. */
    private static Map<String, String> expectedHashes(Path file) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        if (!Files.exists(file)) {
            return hashes;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                hashes.put(line.substring(66), line.substring(0, 64));
            }
        }
        return hashes;
    }

    /** Replaces the golden directory and hash file with a project's files. */
    private static void write(GeneratedProject project, Path expectedDir, Path hashFile) throws IOException {
        deleteTree(expectedDir);
        StringBuilder hashes = new StringBuilder();
        for (String path : project.paths()) {
            if (HASHED.contains(path)) {
                hashes.append(sha256(project.bytes(path)))
                        .append("  ")
                        .append(path)
                        .append('\n');
            } else {
                Path file = expectedDir.resolve(path);
                Files.createDirectories(file.getParent());
                Files.write(file, project.bytes(path));
            }
        }
        Files.writeString(hashFile, hashes, StandardCharsets.UTF_8);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
