package dev.kiln.guard.secret;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.guard.Finding;
import org.junit.jupiter.api.Test;

class SecretGuardrailTests {
    private final SecretGuardrail secrets = new SecretGuardrail();

    @Test
    void anAssignmentReportsOnlyTheValueSoRedactionKeepsTheName() {
        String text = "api_key = \"Qm9vT2xkU2VjcmV0VmFsdWUx9z\"";

        assertThat(secrets.inspect(text)).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo("GENERIC_SECRET");
            assertThat(f.valueIn(text)).isEqualTo("Qm9vT2xkU2VjcmV0VmFsdWUx9z");
        });
    }

    @Test
    void hashesUuidsAndPlaceholdersAreNotSecrets() {
        assertThat(secrets.inspect("api_key = 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"))
                .isEmpty();
        assertThat(secrets.inspect("token: 123e4567-e89b-42d3-a456-556642440000"))
                .isEmpty();
        assertThat(secrets.inspect("password = ${DB_PASSWORD}")).isEmpty();
        assertThat(secrets.inspect("secret = your-secret-here")).isEmpty();
    }

    @Test
    void aTokenGluedToMoreTokenCharactersIsNotReported() {
        assertThat(secrets.inspect("xAKIAABCDEFGHIJKLMNOP")).isEmpty();
        assertThat(secrets.inspect("id AKIAABCDEFGHIJKLMNOP."))
                .extracting(Finding::type)
                .containsExactly("AWS_ACCESS_KEY");
    }

    @Test
    void entropyOfUniformAndRepeatedStrings() {
        assertThat(Entropy.bitsPerChar("aaaaaaaa")).isZero();
        assertThat(Entropy.bitsPerChar("abcdefgh")).isEqualTo(3.0, org.assertj.core.api.Assertions.within(1e-9));
    }
}
