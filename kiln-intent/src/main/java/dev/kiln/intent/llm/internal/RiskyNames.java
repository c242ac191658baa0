package dev.kiln.intent.llm.internal;

import dev.kiln.spec.naming.Names;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Recognises what a model may have been talked into: names that expose secrets or open a back door, and
 * descriptions that read like instructions to a program rather than documentation.
 *
 * <p>A match is not proof of malice ({@code passwordHash} is normal in a user service), which is why the
 * reconciler drops such names only when the offline baseline parser did not find them in the prompt.
 */
public final class RiskyNames {
    private static final List<String> FRAGMENTS = List.of(
            "password",
            "passwd",
            "passphrase",
            "secret",
            "apikey",
            "privatekey",
            "credential",
            "backdoor",
            "allusers",
            "bypass",
            "superuser",
            "superadmin",
            "godmode",
            "masterkey",
            "impersonat",
            "skipauth",
            "noauth",
            "disableauth",
            "rootaccess",
            "exposeall");

    /** Short words matched only at the start of a word, so that "badminton" is not an admin. */
    private static final List<String> WORD_PREFIXES = List.of("admin", "debug", "sudo", "token");

    private static final Pattern INSTRUCTIONS =
            Pattern.compile("(?i)(ignore|disregard|forget|override)\\s+(all\\s+|any\\s+|the\\s+|your\\s+)?"
                    + "(previous|prior|above|earlier|preceding|system)"
                    + "|system\\s+prompt|you\\s+are\\s+now|new\\s+instructions|jailbreak|developer\\s+mode"
                    + "|(disable|turn\\s+off|remove|bypass)\\s+(the\\s+)?(auth\\w*|security|login|access\\s+control)"
                    + "|reveal\\s+(your|the)\\s+(prompt|instructions)"
                    + "|<\\s*script|\\*/|\\$\\{|\\{\\{|<!--|rm\\s+-rf|curl\\s+https?:");

    private RiskyNames() {}

    /**
     * Returns whether an entity, field or relation name suggests a back door or an exposed secret.
     *
     * @param identifier for example {@code passwordPlain}, {@code AdminBackdoor} or {@code api_key}
     * @return true if it contains a risky word, whatever its case or separators
     */
    public static boolean isRisky(String identifier) {
        List<String> words = Names.words(identifier);
        String squashed = String.join("", words);
        return FRAGMENTS.stream().anyMatch(squashed::contains)
                || words.stream().anyMatch(w -> WORD_PREFIXES.stream().anyMatch(w::startsWith));
    }

    /**
     * Returns whether a description reads like instructions to a program, a prompt injection or markup that
     * could break out of a generated comment.
     *
     * @param text the description
     * @return true if it should not be copied into generated code
     */
    public static boolean readsLikeInstructions(String text) {
        return INSTRUCTIONS.matcher(text).find();
    }
}
