package dev.kiln.codegen.writer;

import dev.kiln.codegen.GeneratedProject;
import dev.kiln.spec.KilnException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes a {@link GeneratedProject} into a directory, all or nothing.
 *
 * <p>Files go to a staging directory beside the target, which is then renamed into place, so a crash
 * leaves either the old state or the complete new one. A target that exists and is not empty is refused
 * unless it is a Kiln project ({@code .kiln/} present), and then only with {@code overwrite}; merging a
 * regeneration with a user's edits comes with three-way merge (issue 6).
 */
public final class ProjectWriter {
    /** The directory inside a generated project that marks it as Kiln's. */
    public static final String KILN_DIR = ".kiln";

    private static final Set<PosixFilePermission> EXECUTABLE = EnumSet.of(
            PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_EXECUTE,
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_EXECUTE);

    private ProjectWriter() {}

    /**
     * Writes a project to a directory that does not exist or is empty.
     *
     * @param project the files
     * @param target the project directory
     * @throws TargetNotEmptyException if the target holds files
     * @throws KilnException if writing fails; the target is then left as it was
     */
    public static void writeNew(GeneratedProject project, Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !isEmptyDirectory(absolute)) {
            throw new TargetNotEmptyException(absolute, Files.isDirectory(absolute.resolve(KILN_DIR)));
        }
        Path parent = absolute.getParent();
        if (parent == null) {
            throw new KilnException("cannot generate into the file system root; choose a directory with --out");
        }
        Path staging = null;
        try {
            Files.createDirectories(parent);
            staging = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".kiln-staging-");
            makeExecutable(staging);
            writeAll(project, staging);
            Files.deleteIfExists(absolute);
            move(staging, absolute);
            staging = null;
        } catch (IOException e) {
            throw new KilnException("could not write the project to " + absolute + ": " + e.getMessage(), e);
        } finally {
            if (staging != null) {
                deleteRecursively(staging);
            }
        }
    }

    private static void writeAll(GeneratedProject project, Path root) throws IOException {
        for (String path : project.paths()) {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, project.bytes(path));
            if (path.equals("mvnw") || path.endsWith(".sh")) {
                makeExecutable(file);
            }
        }
    }

    private static void makeExecutable(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, EXECUTABLE);
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): mvnw.cmd is used there instead.
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static boolean isEmptyDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            return !entries.iterator().hasNext();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Deletes a directory tree, best effort; used to clean up staging directories.
     *
     * @param root the tree
     */
    public static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
