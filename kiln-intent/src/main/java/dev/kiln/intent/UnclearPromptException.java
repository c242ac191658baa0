package dev.kiln.intent;

import dev.kiln.spec.KilnException;

/**
 * Thrown when a prompt is empty, gibberish, or names nothing a service could store.
 *
 * <p>The message says what is missing and shows an example of a prompt that works.
 */
public final class UnclearPromptException extends KilnException {
    private static final long serialVersionUID = 1L;

    /** A prompt that works, shown in every message. */
    public static final String EXAMPLE =
            "Create a blog service where authors write posts with a title, body and publish date; readers comment on posts";

    /**
     * Creates the exception.
     *
     * @param missing what the prompt lacks, for example "no entities: name the things the service stores"
     */
    public UnclearPromptException(String missing) {
        super("cannot build a service from this prompt: " + missing + ".\n  Example of a prompt that works: \""
                + EXAMPLE + "\"");
    }
}
