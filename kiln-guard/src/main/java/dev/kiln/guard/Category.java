package dev.kiln.guard;

/** What kind of problem a {@link Finding} is; a {@link Policy} chooses an {@link Action} per category. */
public enum Category {
    /** An instruction aimed at the model that tries to override its instructions, or a jailbreak. */
    INJECTION,
    /** Personal data: an e-mail address, phone number, card number, IBAN, SSN or IP address. */
    PII,
    /** A credential: an access key, token, private key or a password-like value. */
    SECRET,
    /**
     * Output that does not have the shape the caller asked for: not JSON, or JSON that breaks the JSON Schema
     * it must follow (see {@link dev.kiln.guard.schema.JsonSchemaGuardrail}).
     */
    SCHEMA
}
