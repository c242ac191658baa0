package dev.kiln.codegen.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Keeps Jib's per-project layer cache from growing with every build: after a build, only the compressed layers of
 * the image just built stay (Jib's cache layout: {@code layers/<hash>/} and {@code selectors/<hash>} files naming
 * a layer hash). Anything it does not recognise is left alone.
 */
final class LayerCachePruner {
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    private LayerCachePruner() {}

    /**
     * Removes the layers, and the selectors pointing at layers, that the image does not use.
     *
     * @param cache Jib's application layer cache directory
     * @param used the hashes of the image's compressed layers
     */
    static void prune(Path cache, Set<String> used) {
        for (Path layer : hashNamed(cache.resolve("layers"))) {
            if (!used.contains(layer.getFileName().toString())) {
                FileTrees.delete(layer);
            }
        }
        for (Path selector : hashNamed(cache.resolve("selectors"))) {
            if (!used.contains(read(selector))) {
                FileTrees.delete(selector);
            }
        }
    }

    private static List<Path> hashNamed(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(entry ->
                            HASH.matcher(entry.getFileName().toString()).matches())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static String read(Path selector) {
        try {
            return Files.isRegularFile(selector) ? Files.readString(selector).strip() : "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + selector, e);
        }
    }
}
