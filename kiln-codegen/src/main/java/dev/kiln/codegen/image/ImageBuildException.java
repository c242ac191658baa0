package dev.kiln.codegen.image;

import dev.kiln.spec.KilnException;

/**
 * Thrown when building an image failed although its input was fine: the project's build, {@code jdeps},
 * {@code jlink} or the image assembly failed. No image was written.
 *
 * <p>Bad input is an {@link ImageInputException} instead.
 */
public final class ImageBuildException extends KilnException {
    private static final long serialVersionUID = 1L;

    private final String output;

    /**
     * Creates the exception.
     *
     * @param message what failed
     * @param output the last lines of the failed program's output, or empty
     */
    public ImageBuildException(String message, String output) {
        super(message);
        this.output = output;
    }

    /**
     * Creates the exception for an underlying failure.
     *
     * @param message what failed
     * @param cause the underlying failure
     */
    public ImageBuildException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
        this.output = "";
    }

    /**
     * Returns the output of the program that failed, for the user to read.
     *
     * @return the last lines of its output, or empty
     */
    public String output() {
        return output;
    }
}
