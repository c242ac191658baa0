package dev.kiln.codegen.contributor.deploy;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An environment variable that a generated service reads through a {@code ${NAME}} or {@code
 * ${NAME:default}} placeholder in its configuration.
 *
 * @param name the variable, for example {@code DB_PASSWORD}
 * @param defaultValue the default the configuration falls back to, or null when the variable is required
 * @param secret whether the value is a secret (kept in a Kubernetes Secret, never in a ConfigMap)
 * @param usedBy where it is read, such as {@code application-prod.properties: spring.datasource.password}
 */
public record EnvVariable(String name, @Nullable String defaultValue, boolean secret, List<String> usedBy) {
    /** Copies the list. */
    public EnvVariable {
        usedBy = List.copyOf(usedBy);
    }

    /**
     * Returns whether the service cannot start without the variable.
     *
     * @return true when no placeholder gives a default
     */
    public boolean required() {
        return defaultValue == null;
    }
}
