package dev.kiln.codegen.writer;

import dev.kiln.spec.KilnException;
import java.nio.file.Path;

/**
 * Thrown when asked to generate into a directory that already holds files.
 *
 * <p>Kiln never overwrites files it did not write: choose an empty directory, or regenerate a Kiln
 * project (one with {@code .kiln/}) with {@code kiln generate}, which merges.
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
                                + " is a Kiln project already; to regenerate it from a changed spec, keeping your edits, run"
                                + " kiln generate SPEC --out " + target + " (add --dry-run to see the plan first)."
                        : target
                                + " is not empty and is not a Kiln project; Kiln will not write over files it did not create."
                                + " Choose a new or empty directory with --out.");
    }
}
