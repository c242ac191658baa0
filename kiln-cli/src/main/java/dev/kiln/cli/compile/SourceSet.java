package dev.kiln.cli.compile;

import java.util.List;

/** Which Java sources of a generated project to compile. */
public enum SourceSet {
    /** {@code src/main/java} only. */
    MAIN,
    /** {@code src/main/java} and {@code src/test/java}, in one compilation. */
    ALL;

    /**
     * Returns the source folders, relative to the project.
     *
     * @return the folders
     */
    public List<String> roots() {
        return switch (this) {
            case MAIN -> List.of("src/main/java");
            case ALL -> List.of("src/main/java", "src/test/java");
        };
    }
}
