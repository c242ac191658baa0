package dev.kiln.guard.pii;

/** The kinds of personal data that {@link PiiGuardrail} finds; the names are the findings' types. */
public enum PiiType {
    /** An e-mail address. */
    EMAIL,
    /** A phone number that libphonenumber considers valid. */
    PHONE,
    /** A payment card number with a valid Luhn digit and a known issuer range. */
    CREDIT_CARD,
    /** An IBAN with its country's length and a valid mod-97 check. */
    IBAN,
    /** A US social security number with a valid area, group and serial. */
    US_SSN,
    /** An IPv4 or IPv6 address. */
    IP_ADDRESS
}
