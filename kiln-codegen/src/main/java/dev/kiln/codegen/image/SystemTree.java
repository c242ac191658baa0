package dev.kiln.codegen.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the image's system files into a directory laid out like the image's root: the host libraries at the
 * paths the dynamic loader looks for them, {@code /etc} files, and the empty {@code /tmp} and home directories.
 */
final class SystemTree {
    private final Path root;

    SystemTree(Path root) {
        this.root = root;
    }

    /**
     * Writes the tree.
     *
     * @param libraries the host libraries to copy, each to the same path under the root
     */
    void write(HostLibraries.Resolved libraries) {
        try {
            for (Path library : libraries.libraries()) {
                Path target = inRoot(library.toString());
                Files.createDirectories(target.getParent());
                Files.copy(library, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Files.createDirectories(inRoot("/etc"));
            Files.writeString(inRoot("/etc/passwd"), SystemFiles.passwd());
            Files.writeString(inRoot("/etc/group"), SystemFiles.group());
            Files.writeString(inRoot("/etc/nsswitch.conf"), SystemFiles.nsswitch());
            Files.createDirectories(inRoot("/tmp"));
            Files.createDirectories(inRoot(SystemFiles.HOME));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the image's system files under " + root, e);
        }
    }

    private Path inRoot(String absolute) {
        return root.resolve(absolute.substring(1));
    }
}
