package dev.kiln.codegen.writer;

import dev.kiln.codegen.GeneratedProject;
import dev.kiln.codegen.merge.PlannedFile;
import dev.kiln.codegen.merge.RegenerationPlan;
import dev.kiln.spec.KilnException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Writes a {@link GeneratedProject} into a directory, all or nothing.
 *
 * <p>Files go to a staging directory beside the target, which is then renamed into place, so a crash
 * leaves either the old state or the complete new one. A target that exists and is not empty is refused;
 * an existing Kiln project ({@code .kiln/} present) is regenerated with {@link #apply}, which carries out a
 * three-way-merge plan all or nothing.
 */
public final class ProjectWriter {
    /** The directory inside a generated project that marks it as Kiln's. */
    public static final String KILN_DIR = ".kiln";

    private static final String TXN_DIR = KILN_DIR + "/txn";
    private static final String JOURNAL = "journal";

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

    /**
     * Carries out a regeneration plan in an existing project, all or nothing.
     *
     * <p>New contents are staged under {@code .kiln/txn/}; a journal then lists every file to change, each
     * original is moved to a backup and the new file moved into place; deleting the journal commits. If the
     * process dies before that, the next {@link #recover} (which every apply runs first) puts every original
     * back, so the project is as it was.
     *
     * @param plan the plan from {@link dev.kiln.codegen.merge.Regenerator}
     * @param dir the project directory
     * @throws KilnException if writing fails; the project is then rolled back
     */
    public static void apply(RegenerationPlan plan, Path dir) {
        recover(dir);
        List<PlannedFile> changes = plan.changes();
        if (changes.isEmpty()) {
            return;
        }
        Path txn = dir.resolve(TXN_DIR);
        try {
            Files.createDirectories(txn);
            StringBuilder journal = new StringBuilder();
            for (PlannedFile change : changes) {
                Path target = dir.resolve(change.path());
                boolean existed = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
                journal.append(existed ? "b " : "n ").append(change.path()).append('\n');
                byte[] after = change.after();
                if (after != null) {
                    Path staged = txn.resolve("new").resolve(change.path());
                    Files.createDirectories(staged.getParent());
                    Files.write(staged, after);
                    if (existed ? Files.isExecutable(target) : isScript(change.path())) {
                        makeExecutable(staged);
                    }
                }
            }
            Path pending = txn.resolve(JOURNAL + ".tmp");
            Files.writeString(pending, journal, StandardCharsets.UTF_8);
            move(pending, txn.resolve(JOURNAL));
            for (PlannedFile change : changes) {
                Path target = dir.resolve(change.path());
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    Path backup = txn.resolve("backup").resolve(change.path());
                    Files.createDirectories(backup.getParent());
                    move(target, backup);
                }
                if (change.after() != null) {
                    Files.createDirectories(target.getParent());
                    move(txn.resolve("new").resolve(change.path()), target);
                }
            }
            Files.delete(txn.resolve(JOURNAL));
        } catch (IOException | RuntimeException e) {
            recover(dir);
            throw new KilnException("could not regenerate " + dir + " (it is unchanged): " + e.getMessage(), e);
        }
        deleteRecursively(txn);
        for (PlannedFile change : changes) {
            if (change.after() == null) {
                deleteEmptyParents(dir, dir.resolve(change.path()).getParent());
            }
        }
    }

    /**
     * Finishes what an interrupted {@link #apply} left: with a journal, every original is put back; the
     * staging area is removed either way.
     *
     * @param dir the project directory
     * @return true if an interrupted regeneration was rolled back
     * @throws KilnException if the rollback itself fails (the backups stay under {@code .kiln/txn/})
     */
    public static boolean recover(Path dir) {
        Path txn = dir.resolve(TXN_DIR);
        if (!Files.exists(txn)) {
            return false;
        }
        Path journal = txn.resolve(JOURNAL);
        boolean rolledBack = false;
        if (Files.exists(journal)) {
            try {
                List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
                for (int i = lines.size() - 1; i >= 0; i--) {
                    String line = lines.get(i);
                    if (line.length() < 3) {
                        continue;
                    }
                    String path = line.substring(2);
                    Path target = dir.resolve(path);
                    Path backup = txn.resolve("backup").resolve(path);
                    if (Files.exists(backup, LinkOption.NOFOLLOW_LINKS)) {
                        Files.deleteIfExists(target);
                        Files.createDirectories(target.getParent());
                        move(backup, target);
                    } else if (line.charAt(0) == 'n' && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                        Files.delete(target);
                    }
                }
                Files.delete(journal);
                rolledBack = true;
            } catch (IOException e) {
                throw new KilnException(
                        "could not roll back the interrupted regeneration of " + dir + "; the original files are under "
                                + txn.resolve("backup") + ": " + e.getMessage(),
                        e);
            }
        }
        deleteRecursively(txn);
        return rolledBack;
    }

    private static boolean isScript(String path) {
        return path.equals("mvnw") || path.endsWith(".sh");
    }

    private static void deleteEmptyParents(Path root, @Nullable Path dir) {
        Path current = dir;
        while (current != null && !current.equals(root) && current.startsWith(root)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(current)) {
                if (entries.iterator().hasNext()) {
                    return;
                }
            } catch (IOException e) {
                return;
            }
            try {
                Files.delete(current);
            } catch (IOException e) {
                return;
            }
            current = current.getParent();
        }
    }

    private static void writeAll(GeneratedProject project, Path root) throws IOException {
        for (String path : project.paths()) {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, project.bytes(path));
            if (isScript(path)) {
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
