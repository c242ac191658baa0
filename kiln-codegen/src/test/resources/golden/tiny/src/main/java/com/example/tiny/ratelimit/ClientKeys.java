package com.example.tiny.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.HexFormat;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Names the caller a request is counted for, by a rule's {@link RateLimitProperties.Key}.
 *
 * <p>Callers without the chosen key (no principal, no API key) are counted by address. The address is
 * {@code request.getRemoteAddr()}: a proxy's {@code X-Forwarded-For} counts only when
 * {@code server.forward-headers-strategy} says to trust it. API keys are hashed and never stored or logged
 * as given; names are prefixed by their kind so that a user called "10.0.0.1" is not that address.
 */
public final class ClientKeys {
    /** The header that carries an API key. */
    public static final String API_KEY_HEADER = "X-API-Key";

    private static final int MAX_NAME_LENGTH = 128;

    private ClientKeys() {}

    /** The caller of a request, e.g. {@code ip:203.0.113.9}, {@code user:alice} or {@code key:3f1c...}. */
    public static String caller(RateLimitProperties.Key key, HttpServletRequest request) {
        return switch (key) {
            case IP -> address(request);
            case USER, CLIENT -> principal(request);
            case API_KEY -> apiKey(request);
        };
    }

    static String address(HttpServletRequest request) {
        return "ip:" + request.getRemoteAddr();
    }

    private static String principal(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        String name = principal == null ? null : principal.getName();
        if (name == null || name.isBlank()) {
            return address(request);
        }
        return name.length() > MAX_NAME_LENGTH ? "user#" + sha256(name) : "user:" + name;
    }

    private static String apiKey(HttpServletRequest request) {
        String value = request.getHeader(API_KEY_HEADER);
        if (value == null || value.isBlank()) {
            return address(request);
        }
        return "key:" + sha256(value.strip());
    }

    /** The first 128 bits of the SHA-256 of a value, in hex. */
    static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every JVM has SHA-256", ex);
        }
    }
}
