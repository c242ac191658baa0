package dev.kiln.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.guard.schema.JsonSchemaGuardrail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Bounded time without a clock: every regular expression in kiln-guard runs on RE2/J, whose matching is linear
 * in the input by construction (no backtracking), and the schema check stops after a fixed number of steps.
 */
class LinearTimePatternsTests {
    @Test
    void noGuardClassUsesTheBacktrackingJdkMatcher() throws URISyntaxException {
        Path classes = Path.of(Guardrail.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        List<String> offenders;
        try (Stream<Path> files = Files.walk(classes)) {
            offenders = files.filter(p -> p.toString().endsWith(".class"))
                    .filter(LinearTimePatternsTests::referencesJdkRegex)
                    .map(p -> classes.relativize(p).toString())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        // The vault's one JDK pattern, <([A-Z][A-Z0-9_]{0,40})_([0-9]{1,9})>, has only bounded repeats and no
        // nesting: at most 41 * 9 tries per '<', so it stays linear too.
        assertThat(offenders).containsOnly("dev/kiln/guard/redact/Vault.class");
        assertThat(classes.resolve("dev/kiln/guard/pii/PhoneDetector.class")).exists();
    }

    private static boolean referencesJdkRegex(Path classFile) {
        try {
            // Class names sit in the constant pool as UTF-8.
            String pool = new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1);
            return pool.contains("java/util/regex/");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void schemaPatternsAreRe2SoLookAroundIsRefused() {
        assertThat(JsonSchemaGuardrail.of("{\"pattern\":\"^a+$\"}").check("\"aaa\""))
                .isEmpty();
        assertThat(JsonSchemaGuardrail.of("{\"pattern\":\"^a+$\"}").check("\"aab\""))
                .extracting(JsonSchemaGuardrail.Violation::type)
                .containsExactly("SCHEMA_PATTERN");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JsonSchemaGuardrail.of("{\"pattern\":\"a(?!b)\"}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theValidatorStopsAfterItsStepBudgetHoweverLongTheAnswer() {
        JsonSchemaGuardrail budget = JsonSchemaGuardrail.builder(
                        "{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}}")
                .maxEvaluation(5_000, 50)
                .build();
        String answer = "[" + "{\"a\":\"x\"},".repeat(100_000) + "{}]";

        assertThat(budget.check(answer))
                .singleElement()
                .satisfies(v -> assertThat(v.type()).isEqualTo(JsonSchemaGuardrail.LIMIT));
    }
}
