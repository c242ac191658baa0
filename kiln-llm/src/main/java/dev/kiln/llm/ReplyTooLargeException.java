package dev.kiln.llm;

/**
 * Thrown when a model server sends a larger reply than the client built by {@link OpenAiChatModels} accepts; the
 * rest of the reply is not read.
 *
 * <p>{@link ModelFailures#describe(RuntimeException, String)} words it for the user. It is unchecked and has no
 * Kiln root exception above it because kiln-llm depends on no other Kiln module.
 */
public final class ReplyTooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param limit the limit in bytes that the reply passed
     */
    public ReplyTooLargeException(int limit) {
        super("the reply is larger than " + limit / 1024 + " KiB; it was cut off unread");
    }
}
