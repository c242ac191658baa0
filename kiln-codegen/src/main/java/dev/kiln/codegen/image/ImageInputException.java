package dev.kiln.codegen.image;

import dev.kiln.spec.KilnException;

/**
 * Thrown when {@code kiln image} cannot start because of its input: not a Kiln project, no JDK 21+ with
 * {@code jlink}, an unreadable {@code pom.xml}. Nothing was written; the message says how to fix it.
 *
 * <p>A failure of the work itself (the build, {@code jlink}, the image assembly) is an
 * {@link ImageBuildException} instead.
 */
public final class ImageInputException extends KilnException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong with the input and how to fix it
     */
    public ImageInputException(String message) {
        super(message);
    }
}
