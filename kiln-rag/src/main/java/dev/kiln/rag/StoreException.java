package dev.kiln.rag;

/**
 * A store that cannot be used: missing, corrupted, locked by another writer, or built with another
 * embedding model. The message names the directory and what to do.
 */
public class StoreException extends RagException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong with which store, and how to fix it
     */
    public StoreException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what is wrong with which store, and how to fix it
     * @param cause the underlying failure
     */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
