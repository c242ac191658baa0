package com.example.tiny.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A {@link JwtDecoder} that remembers the bearer tokens whose signature it has verified.
 *
 * <p>Parsing a token and checking its RSA signature is the largest part of what security costs a
 * request, and a client sends the same access token on every call until it expires. So a token
 * whose signature the delegate verified is kept, keyed by its exact text; each later use runs the
 * validator again (expiry, issuer, audience, revocation) and skips only the signature work. A token
 * that no longer validates is dropped and decoded afresh, so the delegate reports the failure
 * exactly as it would have. At most {@link #MAX_ENTRIES} tokens are kept (a few MB); when full, the
 * cache starts over.
 */
public final class VerifiedJwtCache implements JwtDecoder {

    /** How many verified tokens are kept at most. */
    static final int MAX_ENTRIES = 1_000;

    private final JwtDecoder delegate;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    /**
     * @param delegate the decoder that parses and verifies tokens, with {@code validator} set on it
     * @param validator the checks every use of a token must pass
     */
    public VerifiedJwtCache(JwtDecoder delegate, OAuth2TokenValidator<Jwt> validator) {
        this.delegate = delegate;
        this.validator = validator;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.get(token);
        if (known != null) {
            if (!validator.validate(known).hasErrors()) {
                return known;
            }
            verified.remove(token);
        }
        Jwt jwt = delegate.decode(token);
        if (verified.size() >= MAX_ENTRIES) {
            verified.clear();
        }
        verified.put(token, jwt);
        return jwt;
    }

    /** How many tokens are kept now, for tests. */
    int size() {
        return verified.size();
    }
}
