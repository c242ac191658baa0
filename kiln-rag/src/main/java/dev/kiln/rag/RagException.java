package dev.kiln.rag;

/**
 * The root of every exception kiln-rag throws on purpose; its message is written for the user.
 *
 * <p>{@link StoreException} narrows it to a store that is missing, damaged or in use. Front ends map it
 * to an exit code or an HTTP status in one place.
 */
public class RagException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message for the user.
     *
     * @param message what went wrong, where, and how to fix it
     */
    public RagException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message for the user and the underlying cause.
     *
     * @param message what went wrong, where, and how to fix it
     * @param cause the underlying failure
     */
    public RagException(String message, Throwable cause) {
        super(message, cause);
    }
}
