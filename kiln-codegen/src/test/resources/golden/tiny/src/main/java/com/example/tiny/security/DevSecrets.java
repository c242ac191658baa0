package com.example.tiny.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;

/**
 * Decides whether a missing secret may be replaced by a throwaway one: only in the {@code dev}
 * profile (the default), and always with a loud warning. Checked at run time, not with
 * {@code @Profile}, because Spring AOT fixes profile conditions when the jar is built.
 */
public final class DevSecrets {

    private static final Logger log = LoggerFactory.getLogger(DevSecrets.class);

    private DevSecrets() {
    }

    /** Whether the service runs in the dev profile. */
    public static boolean isDev(Environment environment) {
        return environment.matchesProfiles("dev") && !environment.matchesProfiles("prod");
    }

    /**
     * Allows a throwaway secret in dev with a warning, or fails outside dev.
     *
     * @param variable the environment variable that should have been set
     * @param consequence what the throwaway value means for the user
     * @throws IllegalStateException outside the dev profile
     */
    public static void requireOrWarn(Environment environment, String variable, String consequence) {
        if (!isDev(environment)) {
            throw new IllegalStateException(variable + " is not set; it is required outside the dev profile"
                    + " (see README.md, \"Security\")");
        }
        log.warn("""

                ******************************************************************************
                * DEV PROFILE: {} is not set, so a throwaway value was generated.
                * {}
                * Never run like this in production: set {} (e.g. from a Kubernetes Secret).
                ******************************************************************************""",
                variable, consequence, variable);
    }
}
