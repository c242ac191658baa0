package com.example.tiny.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Access tokens revoked before they expired, by JWT id, in the {@code auth_revoked_token} table.
 *
 * <p>JWT access tokens are checked without a database round trip, so a revoked one would
 * otherwise stay usable until it expires. This validator rejects it at once on the replica that
 * revoked it and within {@link #REFRESH} on the others; rows are purged after the token's expiry.
 */
public final class RevokedTokens implements OAuth2TokenValidator<Jwt> {

    /** How often the list is re-read from the database. */
    static final Duration REFRESH = Duration.ofSeconds(15);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
    private volatile Instant loadedAt = Instant.EPOCH;

    public RevokedTokens(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records a revoked token id until the token would have expired. */
    public void revoke(String jti, Instant expiresAt) {
        if (revoked.putIfAbsent(jti, expiresAt) != null) {
            return;
        }
        try {
            jdbc.update("insert into auth_revoked_token (jti, expires_at) values (?, ?)", jti,
                    Timestamp.from(expiresAt));
        }
        catch (DuplicateKeyException ex) {
            // Another replica or an earlier save recorded it already.
        }
    }

    /** Whether a token id was revoked. */
    public boolean isRevoked(String jti) {
        Instant now = clock.instant();
        if (loadedAt.plus(REFRESH).isBefore(now)) {
            jdbc.query("select jti, expires_at from auth_revoked_token where expires_at > ?",
                    rs -> {
                        revoked.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                    }, Timestamp.from(now));
            revoked.values().removeIf(expiry -> expiry.isBefore(now));
            loadedAt = now;
        }
        return revoked.containsKey(jti);
    }

    /** Deletes rows of tokens that have expired anyway. */
    public int purge() {
        return jdbc.update("delete from auth_revoked_token where expires_at < ?", Timestamp.from(clock.instant()));
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        String jti = token.getId();
        if (jti != null && isRevoked(jti)) {
            return OAuth2TokenValidatorResult.failure(
                    new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The token was revoked", null));
        }
        return OAuth2TokenValidatorResult.success();
    }
}
