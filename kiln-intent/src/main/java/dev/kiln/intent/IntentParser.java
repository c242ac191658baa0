package dev.kiln.intent;

/**
 * Turns a plain-English description of a service into a spec the engineer can review.
 *
 * <p>Implementations must be deterministic for the same prompt and configuration, must never add what
 * the prompt did not ask for, and must report instructions that try to weaken security as warnings
 * rather than follow them.
 */
public interface IntentParser {
    /**
     * Parses a prompt.
     *
     * @param prompt the description, for example "Create a user authentication service with OAuth2"
     * @return the spec, why each part exists, and warnings
     * @throws UnclearPromptException if the prompt names nothing that can become a service
     */
    ParsedIntent parse(String prompt);
}
