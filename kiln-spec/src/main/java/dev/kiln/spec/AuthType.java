package dev.kiln.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** How a generated service authenticates callers. */
public enum AuthType {
    /** An embedded OAuth 2.1 / OpenID Connect authorization server plus a resource server. */
    OAUTH2("oauth2"),
    /** A resource server that trusts JWTs from an external issuer. */
    JWT("jwt"),
    /** Hashed API keys in the {@code X-API-Key} header. */
    API_KEY("apiKey"),
    /** No authentication. */
    NONE("none");

    private final String id;

    AuthType(String id) {
        this.id = id;
    }

    /**
     * Returns the name used in spec files.
     *
     * @return for example {@code apiKey}
     */
    @JsonValue
    public String id() {
        return id;
    }

    /**
     * Returns the type with the given spec name.
     *
     * @param id the spec name
     * @return the type
     */
    @JsonCreator
    public static AuthType fromId(String id) {
        return Arrays.stream(values())
                .filter(t -> t.id.equalsIgnoreCase(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown auth type: " + id));
    }
}
