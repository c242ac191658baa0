package com.example.tiny.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time email verification tokens: 32 random bytes sent to the user, stored only as a SHA-256
 * hash in {@code auth_email_verification}, valid for {@link #TTL}, deleted when used.
 */
public class EmailVerifications {

    /** How long a verification link works. */
    public static final Duration TTL = Duration.ofHours(24);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public EmailVerifications(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Issues a token for an account and returns it; only its hash is stored. */
    public String issue(long accountId) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        jdbc.update("insert into auth_email_verification (token_hash, account_id, expires_at) values (?, ?, ?)",
                hash(token), accountId, Timestamp.from(clock.instant().plus(TTL)));
        return token;
    }

    /**
     * Uses a token.
     *
     * @return the account it verifies, empty when it is unknown, used or expired
     */
    @Transactional
    public Optional<Long> consume(String token) {
        String hash = hash(token);
        List<Long> ids = jdbc.queryForList(
                "select account_id from auth_email_verification where token_hash = ? and expires_at > ?", Long.class,
                hash, Timestamp.from(clock.instant()));
        jdbc.update("delete from auth_email_verification where token_hash = ?", hash);
        return ids.stream().findFirst();
    }

    /** Deletes expired tokens. */
    public int purge() {
        return jdbc.update("delete from auth_email_verification where expires_at < ?", Timestamp.from(clock.instant()));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
