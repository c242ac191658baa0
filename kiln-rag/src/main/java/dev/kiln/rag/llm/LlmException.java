package dev.kiln.rag.llm;

import dev.kiln.rag.RagException;

/** The model server could not be used: unreachable, too slow, refusing, or answering something unreadable. */
public final class LlmException extends RagException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, where, and how to fix it
     * @param cause the client's failure
     */
    public LlmException(String message, Throwable cause) {
        super(message, cause);
    }
}
