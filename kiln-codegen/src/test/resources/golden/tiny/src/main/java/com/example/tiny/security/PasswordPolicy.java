package com.example.tiny.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The password rules of self-registration, after NIST SP 800-63B: at least 12 characters, at most
 * 64 characters and 72 bytes (bcrypt reads no further), not a well-known password, not one
 * repeated character, and not the email address or its local part. No composition rules.
 */
public final class PasswordPolicy {

    /** The shortest password accepted. */
    public static final int MIN_LENGTH = 12;
    /** The longest password accepted, in characters. */
    public static final int MAX_LENGTH = 64;

    private static final int MAX_BYTES = 72;
    private static final Set<String> COMMON = Set.of("123456789012", "password1234", "passwordpassword",
            "qwertyuiopas", "111111111111", "123123123123", "iloveyou1234", "administrator", "letmeinletmein",
            "changeme1234", "welcome12345", "qwerty123456", "abcdefghijkl", "password123!", "1q2w3e4r5t6y");

    private PasswordPolicy() {
    }

    /**
     * Checks a password.
     *
     * @param password the password as typed
     * @param username the email address it belongs to
     * @return what is wrong with it, empty when it is acceptable
     */
    public static List<String> violations(String password, String username) {
        List<String> problems = new ArrayList<>();
        if (password.length() < MIN_LENGTH) {
            problems.add("must have at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            problems.add("must have at most " + MAX_LENGTH + " characters (" + MAX_BYTES + " bytes)");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            problems.add("is a well-known password");
        }
        if (!password.isEmpty() && password.chars().allMatch(c -> c == password.charAt(0))) {
            problems.add("must not repeat one character");
        }
        String name = Accounts.normalize(username);
        int at = name.indexOf('@');
        String local = at > 0 ? name.substring(0, at) : name;
        if (!name.isEmpty() && (lower.equals(name) || (local.length() >= 4 && lower.contains(local)))) {
            problems.add("must not contain the email address");
        }
        return problems;
    }
}
