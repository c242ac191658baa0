package dev.kiln.rag.ingest;

import dev.kiln.rag.RagException;
import dev.kiln.rag.document.DocumentFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the files to ingest under the given paths, in a stable order: readable formats only, hidden
 * files and directories and access-list sidecars left out, symbolic links not followed.
 */
final class FileWalker {
    /**
     * A file to consider.
     *
     * @param file the file
     * @param root the path given by the user that it was found under
     * @param source the name it is stored under: the root as given joined with the path below it
     * @param format its format
     */
    record Candidate(Path file, Path root, String source, DocumentFormat format) {}

    private FileWalker() {}

    static List<Candidate> candidates(List<Path> roots) {
        for (Path root : roots) {
            if (!Files.exists(root)) {
                throw new RagException("no such file or directory: " + root);
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isRegularFile(root)) {
                Optional<DocumentFormat> format = DocumentFormat.of(root);
                if (format.isEmpty()) {
                    throw new RagException("cannot ingest " + root
                            + ": unknown format (supported: .html, .htm, .md, .markdown, .txt, .pdf)");
                }
                candidates.add(new Candidate(root, root, root.toString(), format.get()));
            } else {
                walk(root, candidates);
            }
        }
        return candidates;
    }

    /** Tells whether a stored source lies under one of the given paths. */
    static boolean isUnder(String source, List<Path> roots) {
        for (Path root : roots) {
            String prefix = root.toString();
            if (source.equals(prefix) || source.startsWith(prefix.endsWith("/") ? prefix : prefix + "/")) {
                return true;
            }
        }
        return false;
    }

    private static void walk(Path root, List<Candidate> candidates) {
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile)
                    .filter(f -> !isHidden(root, f) && !AccessLists.isSidecar(f))
                    .sorted(Comparator.comparing(Path::toString))
                    .forEach(f -> DocumentFormat.of(f)
                            .ifPresent(format -> candidates.add(new Candidate(f, root, f.toString(), format))));
        } catch (IOException | UncheckedIOException e) {
            throw new RagException("cannot list the files under " + root + ": " + e.getMessage(), e);
        }
    }

    private static boolean isHidden(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
