package dev.kiln.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Finds the public guard data: {@code --data}, else {@code KILN_GUARD_DATA}, else {@code ../shared/data/guard}. */
final class GuardData {
    private GuardData() {}

    static Optional<Path> locate(@Nullable Path flag) {
        String env = System.getenv("KILN_GUARD_DATA");
        Path path = flag != null
                ? flag
                : env != null && !env.isBlank() ? Path.of(env) : Path.of("..", "shared", "data", "guard");
        return Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
    }
}
