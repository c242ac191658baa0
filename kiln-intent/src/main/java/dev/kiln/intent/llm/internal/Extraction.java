package dev.kiln.intent.llm.internal;

/** What {@link JsonReplyExtractor} found in a model's reply: one JSON object, or why there is none. */
public sealed interface Extraction {
    /**
     * The reply held a JSON object; it may still be malformed or an invalid spec.
     *
     * @param json the text from the opening to the matching closing brace
     */
    record Found(String json) implements Extraction {}

    /**
     * The reply held no JSON object.
     *
     * @param reason what the reply was instead, worded for the model and for the user's warning
     */
    record Missing(String reason) implements Extraction {}
}
