package dev.kiln.spec;

import java.util.List;

/**
 * The {@code auth} feature: who may call the service.
 *
 * @param type the authentication mechanism
 * @param roles the roles users can hold, for example {@code USER} and {@code ADMIN}
 */
public record AuthFeature(AuthType type, List<String> roles) {
    /** Normalises absent lists to empty ones. */
    public AuthFeature {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}
