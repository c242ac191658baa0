package dev.kiln.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The brute-force limit on the endpoints that take credentials: sign-in, token and registration.
 *
 * <p>It is always keyed by client address (the caller is not yet authenticated) and applies to
 * {@code POST} requests to {@link #PATHS}, whether or not the spec has a {@code rateLimit}, whenever the
 * service authenticates callers. A generated service checks it before authentication runs, so failed
 * attempts count.
 *
 * @param requests attempts allowed per window
 * @param per the window, or null for {@code minute}
 */
@JsonPropertyOrder({"requests", "per"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BruteForceLimit(int requests, @Nullable String per) {
    /** The limit when the spec does not set one: 10 attempts a minute per address. */
    public static final BruteForceLimit DEFAULT = new BruteForceLimit(10, "minute");

    /**
     * The endpoints that take credentials, as path patterns: form login, the OAuth 2 token, introspection,
     * revocation and device-authorization endpoints (client secrets are credentials too), and registration.
     * This is the one list every part of Kiln uses.
     */
    public static final List<String> PATHS = List.of(
            "/login",
            "/oauth2/token",
            "/oauth2/introspect",
            "/oauth2/revoke",
            "/oauth2/device_authorization",
            "/register",
            "/api/register");

    /**
     * Returns the window in effect.
     *
     * @return {@code per}, or {@code minute}
     */
    public String effectivePer() {
        return per == null ? "minute" : per;
    }
}
