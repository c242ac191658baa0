package dev.kiln.intent.llm.internal;

import dev.kiln.spec.KilnException;

/** Thrown when a model server sends more than {@link BoundedHttpClient} accepts; the reply is not read. */
public final class ReplyTooLargeException extends KilnException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param limit the limit in bytes that the reply passed
     */
    public ReplyTooLargeException(int limit) {
        super("the model server's reply is larger than " + limit / 1024 + " KiB; it was cut off unread");
    }
}
