package dev.kiln.codegen.model;

import dev.kiln.spec.naming.ReservedWords;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SQL identifier rules shared by migrations and JPA mappings.
 *
 * <p>Reserved words get a trailing underscore ({@code from} becomes {@code from_}), which needs no
 * quoting on PostgreSQL or H2; names longer than PostgreSQL's 63 bytes are shortened with a stable hash.
 */
public final class SqlNames {
    private static final int MAX_IDENTIFIER = 63;

    private SqlNames() {}

    /**
     * Makes a snake_case name safe as a bare SQL identifier.
     *
     * @param name a snake_case name
     * @return the name, or the name with a trailing underscore if it is reserved
     */
    public static String safe(String name) {
        return fit(ReservedWords.isSql(name) ? name + "_" : name);
    }

    /**
     * Shortens an identifier to PostgreSQL's limit, keeping it unique with a hash suffix.
     *
     * @param name any identifier
     * @return the name, at most 63 characters
     */
    public static String fit(String name) {
        if (name.length() <= MAX_IDENTIFIER) {
            return name;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            String suffix = HexFormat.of().formatHex(hash, 0, 4);
            return name.substring(0, MAX_IDENTIFIER - suffix.length() - 1) + "_" + suffix;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
