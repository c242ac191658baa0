package dev.kiln.guard;

/**
 * The root of the guard module's unchecked exceptions: bad configuration or unreadable data (a missing
 * model resource, a malformed evaluation file). Guardrails never throw it for the text they inspect.
 */
public class GuardException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and where
     */
    public GuardException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and where
     * @param cause the underlying failure
     */
    public GuardException(String message, Throwable cause) {
        super(message, cause);
    }
}
