package dev.kiln.codegen.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Extracts a Spring Boot jar into its layers ({@code dependencies}, {@code spring-boot-loader},
 * {@code snapshot-dependencies}, {@code application}) with Boot's own tool, {@code java -Djarmode=tools}.
 *
 * <p>The jar is extracted in the plain layout (no launcher): {@code app.jar} plus {@code lib/}, the layout Spring
 * recommends for fast starts. Each layer lands in a directory named after a hash of its content, so a layer whose
 * content did not change keeps its directory, and Jib's layer cache (which keys on file path and modification
 * time) can never hand back a stale layer: Boot writes every file with the project's fixed build timestamp.
 * An index records which jar (by hash) the directories came from, so the same jar is not extracted twice.
 */
final class BootLayers {
    /** The name of the application jar inside the image. */
    static final String APP_JAR = "app.jar";

    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final int HASH_CHARS = 16;
    private static final String INDEX = "index.txt";
    private static final Pattern LAYER_LINE = Pattern.compile("^- \"([A-Za-z0-9._-]+)\":\\s*$");

    private final Path jdk;

    BootLayers(Path jdk) {
        this.jdk = jdk;
    }

    /**
     * Extracts the jar's layers under {@code workDir/layers}, removing the directories of earlier extractions that
     * are no longer used.
     *
     * @param jar the Spring Boot jar
     * @param workDir the project's image working directory
     * @return the non-empty layers, in the order Boot lists them
     */
    List<AppLayer> extract(Path jar, Path workDir) {
        Path layersDir = workDir.resolve("layers");
        Path index = layersDir.resolve(INDEX);
        String jarHash = FileTrees.sha256File(jar);
        List<AppLayer> previous = readIndex(index, jarHash);
        if (!previous.isEmpty()) {
            return previous;
        }
        Path staging = workDir.resolve("extract");
        FileTrees.delete(staging);
        java(
                "extracting " + jar.getFileName(),
                List.of("extract", "--layers", "--destination", staging.toString(), "--application-filename", APP_JAR),
                jar);
        List<AppLayer> layers = new ArrayList<>();
        for (String name : layerNames(jar)) {
            Path extracted = staging.resolve(name);
            if (Files.isDirectory(extracted) && !FileTrees.files(extracted).isEmpty()) {
                layers.add(new AppLayer(name, keep(extracted, layersDir, name)));
            }
        }
        FileTrees.delete(staging);
        removeUnused(layersDir, layers);
        writeIndex(index, jarHash, layers);
        return List.copyOf(layers);
    }

    /**
     * Reads the layer names, in order, from the jar's {@code BOOT-INF/layers.idx}, whose entries look like
     * {@code - "dependencies":}.
     *
     * @param jar the Spring Boot jar
     * @return the names
     * @throws ImageBuildException when the jar has no layer index
     */
    static List<String> layerNames(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry("BOOT-INF/layers.idx");
            if (entry == null) {
                throw new ImageBuildException(jar + " has no BOOT-INF/layers.idx; is it a Spring Boot jar?", "");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return parseIndex(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new ImageBuildException("cannot read " + jar, e);
        }
    }

    static List<String> parseIndex(String layersIdx) {
        List<String> names = new ArrayList<>();
        for (String line : layersIdx.split("\n")) {
            Matcher layer = LAYER_LINE.matcher(line);
            if (layer.matches()) {
                names.add(layer.group(1));
            }
        }
        return List.copyOf(names);
    }

    /** The layers of an earlier extraction of the same jar, if its directories are all still there. */
    private static List<AppLayer> readIndex(Path index, String jarHash) {
        if (!Files.isRegularFile(index)) {
            return List.of();
        }
        List<String> lines = FileTrees.readLines(index);
        if (lines.isEmpty() || !lines.getFirst().equals(jarHash)) {
            return List.of();
        }
        List<AppLayer> layers = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            int space = line.indexOf(' ');
            if (space < 0 || !Files.isDirectory(index.resolveSibling(line.substring(space + 1)))) {
                return List.of();
            }
            layers.add(new AppLayer(line.substring(0, space), index.resolveSibling(line.substring(space + 1))));
        }
        return layers;
    }

    private static void writeIndex(Path index, String jarHash, List<AppLayer> layers) {
        StringBuilder text = new StringBuilder(jarHash).append('\n');
        layers.forEach(layer -> text.append(layer.name())
                .append(' ')
                .append(layer.dir().getFileName())
                .append('\n'));
        FileTrees.writeAtomically(index, text.toString());
    }

    private void java(String what, List<String> arguments, Path jar) {
        List<String> command =
                new ArrayList<>(List.of(jdk.resolve("bin/java").toString(), "-Djarmode=tools", "-jar", jar.toString()));
        command.addAll(arguments);
        HostCommand.of(command).timeout(TIMEOUT).run(what);
    }

    private static Path keep(Path extracted, Path layersDir, String name) {
        Path target = layersDir.resolve(name + "-" + FileTrees.sha256(extracted).substring(0, HASH_CHARS));
        if (Files.isDirectory(target)) {
            return target;
        }
        try {
            Files.createDirectories(layersDir);
            Files.move(extracted, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + extracted + " to " + target, e);
        }
    }

    private static void removeUnused(Path layersDir, List<AppLayer> used) {
        if (!Files.isDirectory(layersDir)) {
            return;
        }
        Set<Path> keep = used.stream().map(AppLayer::dir).collect(Collectors.toSet());
        try (Stream<Path> dirs = Files.list(layersDir)) {
            dirs.filter(dir -> Files.isDirectory(dir) && !keep.contains(dir))
                    .toList()
                    .forEach(FileTrees::delete);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + layersDir, e);
        }
    }

    /**
     * One extracted layer.
     *
     * @param name Boot's layer name, e.g. {@code dependencies}
     * @param dir the directory whose content goes to the image's application directory
     */
    record AppLayer(String name, Path dir) {}
}
