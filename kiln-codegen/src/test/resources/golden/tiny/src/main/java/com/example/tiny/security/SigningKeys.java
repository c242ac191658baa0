package com.example.tiny.security;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The token signing keys: RSA key pairs in the {@code auth_signing_key} table, private parts
 * encrypted by {@link KeyEncryption}, so tokens stay valid across restarts and replicas.
 *
 * <p>The JWK set ({@code /oauth2/jwks}) publishes every key that is not retired; tokens are
 * signed with the newest. A key is rotated when the newest is older than {@code rotateAfter} (or
 * on {@link #rotate()}), and an old key is retired once a newer one has been in use for
 * {@code retainFor}, longer than any token it signed lives. Each replica re-reads the table every
 * minute and at once when it meets a key id it does not know.
 */
public final class SigningKeys implements JWKSource<SecurityContext> {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final Duration REFRESH = Duration.ofMinutes(1);
    private static final Duration UNKNOWN_KEY_RELOAD = Duration.ofSeconds(10);

    private final JdbcTemplate jdbc;
    private final KeyEncryption encryption;
    private final Duration rotateAfter;
    private final Duration retainFor;
    private final Clock clock;
    private volatile List<JWK> keys = List.of();
    private volatile Instant loadedAt = Instant.EPOCH;

    public SigningKeys(JdbcTemplate jdbc, KeyEncryption encryption, Duration rotateAfter, Duration retainFor,
            Clock clock) {
        this.jdbc = jdbc;
        this.encryption = encryption;
        this.rotateAfter = rotateAfter;
        this.retainFor = retainFor;
        this.clock = clock;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        List<JWK> current = current();
        List<JWK> found = selector.select(new JWKSet(current));
        String wanted = selector.getMatcher().getKeyIDs() == null || selector.getMatcher().getKeyIDs().isEmpty()
                ? null : selector.getMatcher().getKeyIDs().iterator().next();
        if (found.isEmpty() && wanted != null && loadedAt.plus(UNKNOWN_KEY_RELOAD).isBefore(clock.instant())) {
            found = selector.select(new JWKSet(reload()));
        }
        return found;
    }

    /** The active keys, newest first (with private parts). */
    public List<JWK> current() {
        if (loadedAt.plus(REFRESH).isBefore(clock.instant())) {
            return reload();
        }
        return keys;
    }

    /** Creates a new signing key now; older keys stay published until they are retired. */
    public synchronized String rotate() {
        String kid = create();
        reload();
        return kid;
    }

    /** Re-reads the table, creating, rotating and retiring keys as needed. */
    public synchronized List<JWK> reload() {
        Instant now = clock.instant();
        List<JWK> loaded = load();
        if (loaded.isEmpty() || createdAt(loaded.getFirst()).plus(rotateAfter).isBefore(now)) {
            create();
            loaded = load();
        }
        Instant newest = createdAt(loaded.getFirst());
        if (newest.plus(retainFor).isBefore(now)) {
            int retired = jdbc.update("update auth_signing_key set retired_at = ? where retired_at is null and kid <> ?",
                    Timestamp.from(now), loaded.getFirst().getKeyID());
            if (retired > 0) {
                log.info("Retired {} old signing key(s)", retired);
                loaded = List.of(loaded.getFirst());
            }
        }
        keys = List.copyOf(loaded);
        loadedAt = now;
        return keys;
    }

    private List<JWK> load() {
        List<JWK> out = new ArrayList<>();
        jdbc.query("select kid, public_jwk, private_key, created_at from auth_signing_key"
                + " where retired_at is null order by created_at desc, kid", rs -> {
                    String kid = rs.getString(1);
                    try {
                        RSAKey pub = RSAKey.parse(rs.getString(2));
                        byte[] der = encryption.decrypt(kid, rs.getString(3));
                        RSAPrivateKey priv = (RSAPrivateKey) KeyFactory.getInstance("RSA")
                                .generatePrivate(new PKCS8EncodedKeySpec(der));
                        out.add(new RSAKey.Builder(pub).privateKey(priv)
                                .issueTime(Date.from(rs.getTimestamp(4).toInstant()))
                                .build());
                    }
                    catch (GeneralSecurityException | ParseException ex) {
                        log.warn("Signing key {} cannot be decrypted with AUTH_KEY_ENCRYPTION_KEY and is skipped;"
                                + " tokens it signed will be rejected", kid);
                    }
                });
        return out;
    }

    private String create() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            String kid = UUID.randomUUID().toString();
            RSAKey pub = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build();
            jdbc.update("insert into auth_signing_key (kid, public_jwk, private_key, created_at) values (?, ?, ?, ?)",
                    kid, pub.toJSONString(), encryption.encrypt(kid, pair.getPrivate().getEncoded()),
                    Timestamp.from(clock.instant()));
            log.info("Created signing key {}", kid);
            return kid;
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("cannot create an RSA signing key", ex);
        }
    }

    private static Instant createdAt(JWK key) {
        return key.getIssueTime().toInstant();
    }
}
