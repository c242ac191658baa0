package dev.kiln.rag.document;

import dev.kiln.rag.RagException;

/**
 * A file that cannot be turned into text: binary content under a text extension, a broken or encrypted
 * PDF. Ingest reports such a file and goes on with the others.
 */
public class UnreadableDocumentException extends RagException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param reason why the file cannot be read, for the user
     */
    public UnreadableDocumentException(String reason) {
        super(reason);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param reason why the file cannot be read, for the user
     * @param cause the parser's failure
     */
    public UnreadableDocumentException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
