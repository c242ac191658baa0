package dev.kiln.codegen.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Extracts a Spring Boot jar into its layers ({@code dependencies}, {@code spring-boot-loader},
 * {@code snapshot-dependencies}, {@code application}) with Boot's own tool, {@code java -Djarmode=tools}.
 *
 * <p>The jar is extracted in the plain layout (no launcher): {@code app.jar} plus {@code lib/}, the layout Spring
 * recommends for fast starts. Each layer lands in a directory named after a hash of its content, so a layer whose
 * content did not change keeps its directory, and Jib's layer cache (which keys on file path and modification
 * time) can never hand back a stale layer: Boot writes every file with the project's fixed build timestamp.
 */
final class BootLayers {
    /** The name of the application jar inside the image. */
    static final String APP_JAR = "app.jar";

    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final int HASH_CHARS = 16;

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
        List<String> names = listLayers(jar);
        Path staging = workDir.resolve("extract");
        Path layersDir = workDir.resolve("layers");
        FileTrees.delete(staging);
        java(
                "extracting " + jar.getFileName(),
                List.of("extract", "--layers", "--destination", staging.toString(), "--application-filename", APP_JAR),
                jar);
        List<AppLayer> layers = new ArrayList<>();
        for (String name : names) {
            Path extracted = staging.resolve(name);
            if (Files.isDirectory(extracted) && !FileTrees.files(extracted).isEmpty()) {
                layers.add(new AppLayer(name, keep(extracted, layersDir, name)));
            }
        }
        FileTrees.delete(staging);
        removeUnused(layersDir, layers);
        return List.copyOf(layers);
    }

    private List<String> listLayers(Path jar) {
        String output = java("listing the layers of " + jar.getFileName(), List.of("list-layers"), jar);
        List<String> names = output.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .toList();
        if (names.isEmpty() || names.stream().anyMatch(name -> !name.matches("[A-Za-z0-9._-]+"))) {
            throw new ImageBuildException(jar + " does not list its layers; is it a Spring Boot 3.3+ jar?", output);
        }
        return names;
    }

    private String java(String what, List<String> arguments, Path jar) {
        List<String> command =
                new ArrayList<>(List.of(jdk.resolve("bin/java").toString(), "-Djarmode=tools", "-jar", jar.toString()));
        command.addAll(arguments);
        return HostCommand.of(command).timeout(TIMEOUT).run(what);
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
            dirs.filter(dir -> !keep.contains(dir)).toList().forEach(FileTrees::delete);
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
