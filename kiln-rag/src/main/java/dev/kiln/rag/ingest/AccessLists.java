package dev.kiln.rag.ingest;

import dev.kiln.rag.RagException;
import dev.kiln.rag.store.StoreSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds who may read a file: its own sidecar {@code NAME.acl} (next to {@code NAME}), else the nearest
 * {@code .acl} in its directory or a parent up to the ingested root, else the ingest's default, else
 * everyone.
 *
 * <p>A sidecar lists one principal per line; blank lines and lines starting with {@code #} are ignored,
 * and {@code *} means everyone. An empty sidecar means nobody may read the file: it is not ingested.
 */
final class AccessLists {
    /** The extension of per-file sidecars. */
    static final String SIDECAR_EXTENSION = ".acl";

    /** The name of per-directory sidecars. */
    static final String DIRECTORY_SIDECAR = ".acl";

    private AccessLists() {}

    /** Tells whether a path is a sidecar rather than a document. */
    static boolean isSidecar(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().endsWith(SIDECAR_EXTENSION);
    }

    /**
     * Resolves the access list of a file.
     *
     * @param file the file
     * @param root the ingested root it was found under (the file itself for a file root)
     * @param defaultAcl the ingest's default; empty means everyone
     * @return the principals; empty when a sidecar says nobody
     */
    static Set<String> of(Path file, Path root, Set<String> defaultAcl) {
        Optional<Set<String>> sidecar = read(file.resolveSibling(file.getFileName() + SIDECAR_EXTENSION));
        if (sidecar.isPresent()) {
            return sidecar.get();
        }
        Path stop = root.toAbsolutePath().normalize();
        for (Path dir = file.toAbsolutePath().normalize().getParent(); dir != null; dir = dir.getParent()) {
            Optional<Set<String>> inherited = read(dir.resolve(DIRECTORY_SIDECAR));
            if (inherited.isPresent()) {
                return inherited.get();
            }
            if (dir.equals(stop) || !dir.startsWith(stop)) {
                break;
            }
        }
        return defaultAcl.isEmpty() ? Set.of(StoreSchema.EVERYONE) : defaultAcl;
    }

    /** Rejects principals that cannot be stored or matched exactly. */
    static void checkPrincipal(String principal) {
        if (principal.isBlank() || !principal.equals(principal.strip())) {
            throw new IllegalArgumentException(
                    "a principal must be non-blank without surrounding spaces, was '" + principal + "'");
        }
    }

    private static Optional<Set<String>> read(Path sidecar) {
        if (!Files.isRegularFile(sidecar)) {
            return Optional.empty();
        }
        try {
            Set<String> principals = new TreeSet<>();
            for (String line : Files.readAllLines(sidecar)) {
                String principal = line.strip();
                if (!principal.isEmpty() && !principal.startsWith("#")) {
                    principals.add(principal);
                }
            }
            // An empty list must not fall back to the default: it denies everyone.
            return Optional.of(principals);
        } catch (IOException e) {
            throw new RagException("cannot read the access list " + sidecar + ": " + e.getMessage(), e);
        }
    }
}
