package dev.kiln.rag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** The small corpus in test resources (an imaginary message broker's docs), copied where a test wants it. */
public final class TestCorpus {
    /** The corpus in the source tree. */
    public static final Path SOURCE = Path.of("src/test/resources/dev/kiln/rag/corpus");

    private TestCorpus() {}

    /**
     * Copies the corpus, sidecars included, into a directory.
     *
     * @param target where to copy; created if needed
     * @return the target
     */
    public static Path copyTo(Path target) {
        try (Stream<Path> files = Files.walk(SOURCE)) {
            for (Path file : files.toList()) {
                Path to = target.resolve(SOURCE.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
