package dev.kiln.codegen.image;

import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import dev.kiln.codegen.image.BootLayers.AppLayer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Plans the image's layers, from the least to the most often changed: system files, the Java runtime, then the
 * application's layers in Spring Boot's order (dependencies first, the application's own classes last), so that a
 * code change only changes the last layer.
 *
 * <p>Every file gets a fixed modification time and root ownership, except the service user's home; programs and
 * shared libraries are executable, everything else is read-only for the service user. {@code /tmp} is writable
 * by everyone (the tar layer format Jib writes has no sticky bit).
 */
final class LayerPlanner {
    /** The modification time of every file in the image: the project's reproducible-build timestamp. */
    private final Instant fileTime;

    LayerPlanner(Instant fileTime) {
        this.fileTime = fileTime;
    }

    /**
     * Plans all layers.
     *
     * @param system the base's system tree, laid out as the image root
     * @param runtime the jlinked runtime
     * @param app the application's extracted layers
     * @return the layers, in order
     */
    List<FileEntriesLayer> plan(Path system, Path runtime, List<AppLayer> app) {
        List<FileEntriesLayer> layers = new ArrayList<>();
        layers.add(system(system));
        layers.add(tree("java-runtime", runtime, JvmOptions.JAVA_HOME));
        for (AppLayer layer : app) {
            layers.add(tree(layer.name(), layer.dir(), JvmOptions.APP_DIR));
        }
        return List.copyOf(layers);
    }

    /** The system tree goes to the image root; its top-level entries are added one by one, as "/" is no entry. */
    private FileEntriesLayer system(Path root) {
        FileEntriesLayer.Builder builder = FileEntriesLayer.builder().setName("system");
        for (Path child : children(root)) {
            add(
                    builder,
                    child,
                    AbsoluteUnixPath.get("/" + child.getFileName()),
                    (source, target) -> target.toString().equals(SystemFiles.HOME) ? SystemFiles.user() : "");
        }
        return builder.build();
    }

    private FileEntriesLayer tree(String name, Path source, String target) {
        FileEntriesLayer.Builder builder = FileEntriesLayer.builder().setName(name);
        add(builder, source, AbsoluteUnixPath.get(target), (file, path) -> "");
        return builder.build();
    }

    private void add(FileEntriesLayer.Builder builder, Path source, AbsoluteUnixPath target, Owners owners) {
        try {
            builder.addEntryRecursive(
                    source, target, LayerPlanner::permissions, (file, path) -> fileTime, owners::owner);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + source + " for an image layer", e);
        }
    }

    private static List<Path> children(Path dir) {
        try (Stream<Path> children = Files.list(dir)) {
            return children.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /**
     * The permissions of a file in the image.
     *
     * @param file the source file
     * @param path its path in the image
     * @return {@code 777} for {@code /tmp}; {@code 755} for directories and executables; {@code 644} otherwise
     */
    static FilePermissions permissions(Path file, AbsoluteUnixPath path) {
        if (path.toString().equals("/tmp")) {
            return FilePermissions.fromOctalString("777");
        }
        boolean executable = Files.isDirectory(file) || Files.isExecutable(file) || isSharedLibrary(file);
        return executable ? FilePermissions.DEFAULT_FOLDER_PERMISSIONS : FilePermissions.DEFAULT_FILE_PERMISSIONS;
    }

    private static boolean isSharedLibrary(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".so") || name.contains(".so.");
    }

    /** Chooses the {@code uid:gid} owner of a path in the image; empty means root. */
    @FunctionalInterface
    private interface Owners {
        String owner(Path source, AbsoluteUnixPath target);
    }
}
