package com.example.tiny.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts that can log in, read and written with plain SQL over the table that
 * {@link AccountSchema} names, plus their security state in {@code auth_account_state}: failed
 * logins, lock-out and email verification. An account without a state row was created by an
 * administrator (through the API or SQL) and counts as verified.
 */
public class Accounts {

    private final JdbcTemplate jdbc;
    private final AccountSchema schema;
    private final Clock clock;

    public Accounts(JdbcTemplate jdbc, AccountSchema schema, Clock clock) {
        this.jdbc = jdbc;
        this.schema = schema;
        this.clock = clock;
    }

    /**
     * An account as the login sees it.
     *
     * @param id the row id
     * @param username the login name
     * @param passwordHash the encoded password
     * @param role the role
     * @param enabled whether the account may log in
     * @param verified whether the email address was verified
     * @param lockedUntil the end of a lock-out, or null
     */
    public record Account(long id, String username, String passwordHash, String role, boolean enabled,
            boolean verified, Instant lockedUntil) {

        /** Whether a lock-out is in force. */
        public boolean locked(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    /** The normal form of a login name: trimmed, lower case. */
    public static String normalize(String username) {
        return username.trim().toLowerCase(Locale.ROOT);
    }

    /** Finds an account by login name, as typed or in its normal form. */
    public Optional<Account> find(String username) {
        Optional<Account> exact = query(username);
        return exact.isPresent() || normalize(username).equals(username) ? exact : query(normalize(username));
    }

    private Optional<Account> query(String username) {
        String sql = "select a.id, a." + schema.username() + ", a." + schema.password() + ", "
                + (schema.role() == null ? "null" : "a." + schema.role()) + ", "
                + (schema.enabled() == null ? "true" : "a." + schema.enabled())
                + ", s.email_verified, s.locked_until from " + schema.table() + " a"
                + " left join auth_account_state s on s.account_id = a.id where a." + schema.username() + " = ?";
        List<Account> found = jdbc.query(sql, this::account, username);
        return found.stream().findFirst();
    }

    private Account account(ResultSet rs, int row) throws SQLException {
        String role = rs.getString(4);
        Object verified = rs.getObject(6);
        Timestamp lockedUntil = rs.getTimestamp(7);
        return new Account(rs.getLong(1), rs.getString(2), rs.getString(3), role == null ? schema.defaultRole() : role,
                rs.getBoolean(5), verified == null || rs.getBoolean(6),
                lockedUntil == null ? null : lockedUntil.toInstant());
    }

    /**
     * Creates a self-registered account: default role, enabled, email not yet verified.
     *
     * @return the new row id
     */
    @Transactional
    public long create(String username, String passwordHash) {
        Timestamp now = Timestamp.from(clock.instant());
        StringBuilder columns = new StringBuilder("version, created_at, updated_at, " + schema.username() + ", "
                + schema.password());
        StringBuilder values = new StringBuilder("0, ?, ?, ?, ?");
        List<Object> args = new ArrayList<>(List.of(now, now, username, passwordHash));
        if (schema.role() != null) {
            columns.append(", ").append(schema.role());
            values.append(", ?");
            args.add(schema.defaultRole());
        }
        if (schema.enabled() != null) {
            columns.append(", ").append(schema.enabled());
            values.append(", true");
        }
        String sql = "insert into " + schema.table() + " (" + columns + ") values (" + values + ")";
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement(sql, new String[] {"id"});
            for (int i = 0; i < args.size(); i++) {
                statement.setObject(i + 1, args.get(i));
            }
            return statement;
        }, keys);
        long id = keys.getKeyAs(Number.class).longValue();
        jdbc.update("insert into auth_account_state (account_id, failed_attempts, email_verified, updated_at)"
                + " values (?, 0, false, ?)", id, now);
        return id;
    }

    /** Marks the email address of an account as verified. */
    @Transactional
    public void markVerified(long id) {
        ensureState(id);
        jdbc.update("update auth_account_state set email_verified = true, updated_at = ? where account_id = ?",
                Timestamp.from(clock.instant()), id);
    }

    /**
     * Counts a failed login; the {@code maxFailures}-th in a row locks the account for {@code lockFor}.
     *
     * @return whether this failure locked the account
     */
    @Transactional
    public boolean recordFailure(long id, int maxFailures, Duration lockFor) {
        ensureState(id);
        Instant now = clock.instant();
        jdbc.update("update auth_account_state set failed_attempts = failed_attempts + 1, updated_at = ?"
                + " where account_id = ?", Timestamp.from(now), id);
        Integer failures = jdbc.queryForObject(
                "select failed_attempts from auth_account_state where account_id = ?", Integer.class, id);
        if (failures != null && failures >= maxFailures) {
            jdbc.update("update auth_account_state set failed_attempts = 0, locked_until = ? where account_id = ?",
                    Timestamp.from(now.plus(lockFor)), id);
            return true;
        }
        return false;
    }

    /** Clears the failure count after a successful login and records its time. */
    @Transactional
    public void recordSuccess(long id) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("update auth_account_state set failed_attempts = 0, locked_until = null, updated_at = ?"
                + " where account_id = ?", now, id);
        if (schema.lastLogin() != null) {
            jdbc.update("update " + schema.table() + " set " + schema.lastLogin() + " = ? where id = ?", now, id);
        }
    }

    private void ensureState(long id) {
        Integer rows = jdbc.queryForObject("select count(*) from auth_account_state where account_id = ?",
                Integer.class, id);
        if (rows == null || rows == 0) {
            try {
                jdbc.update("insert into auth_account_state (account_id, failed_attempts, email_verified, updated_at)"
                        + " values (?, 0, true, ?)", id, Timestamp.from(clock.instant()));
            }
            catch (DuplicateKeyException ex) {
                // A concurrent login created it first.
            }
        }
    }
}
