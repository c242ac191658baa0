package dev.kiln.spec;

/**
 * The root of every exception Kiln throws on purpose.
 *
 * <p>Subclasses say what the caller can do about the failure: {@link InvalidSpecException} means the
 * input must be fixed. Command-line and HTTP front ends map these to exit codes and status codes in
 * exactly one place.
 */
public class KilnException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message for the user.
     *
     * @param message what went wrong, where, and how to fix it
     */
    public KilnException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message for the user and the underlying cause.
     *
     * @param message what went wrong, where, and how to fix it
     * @param cause the underlying failure
     */
    public KilnException(String message, Throwable cause) {
        super(message, cause);
    }
}
