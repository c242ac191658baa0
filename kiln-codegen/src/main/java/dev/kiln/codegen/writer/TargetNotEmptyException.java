package dev.kiln.codegen.writer;

import dev.kiln.spec.KilnException;
import java.nio.file.Path;

/**
 * Thrown when asked to generate into a directory that already holds files.
 *
 * <p>Kiln never overwrites files it did not write: choose an empty directory, or regenerate a Kiln
 * project (one with {@code .kiln/}) once three-way merge lands.
 */
public final class TargetNotEmptyException extends KilnException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param target the directory
     * @param kilnProject whether it is a project Kiln generated earlier
     */
    public TargetNotEmptyException(Path target, boolean kilnProject) {
        super(
                kilnProject
                        ? target
                                + " is a Kiln project already; regenerating into it (merging your edits) is not supported yet."
                                + " Generate into a new directory with --out and compare."
                        : target
                                + " is not empty and is not a Kiln project; Kiln will not write over files it did not create."
                                + " Choose a new or empty directory with --out.");
    }
}
