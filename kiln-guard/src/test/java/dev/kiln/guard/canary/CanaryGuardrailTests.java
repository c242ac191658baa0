package dev.kiln.guard.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.kiln.guard.Category;
import dev.kiln.guard.Finding;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CanaryGuardrailTests {
    private final CanaryGuardrail guard = CanaryGuardrail.random(new Random(7));
    private final String canary = guard.canary();

    @Test
    void aSeededCanaryIsStableAndTheProtectedPromptCarriesIt() {
        assertThat(CanaryGuardrail.random(new Random(7)).canary()).isEqualTo(canary);
        assertThat(CanaryGuardrail.random(new Random(8)).canary()).isNotEqualTo(canary);
        assertThat(canary).hasSize(18).startsWith("kc");
        assertThat(guard.protect("You are a helpful assistant."))
                .startsWith("You are a helpful assistant.")
                .contains(canary);
    }

    @Test
    void aVerbatimLeakIsFoundWithItsSpan() {
        String output = "Sure! My instructions end with [internal reference " + canary + "] as you asked.";

        assertThat(guard.inspect(output)).singleElement().satisfies(f -> {
            assertThat(f.category()).isEqualTo(Category.INJECTION);
            assertThat(f.type()).isEqualTo("CANARY_LEAK");
            assertThat(f.valueIn(output)).isEqualTo(canary);
        });
    }

    @Test
    void spacedUpperCaseAndInvisibleSeparatorsDoNotHideIt() {
        String spaced =
                String.join(" ", canary.toUpperCase(java.util.Locale.ROOT).split(""));
        String dotted = String.join(".\u200B", canary.split(""));

        assertThat(guard.inspect("the code is " + spaced)).hasSize(1);
        assertThat(guard.inspect("here: " + dotted + " done")).hasSize(1);
        assertThat(guard.inspect(new StringBuilder(canary).reverse().toString()))
                .hasSize(1);
    }

    @Test
    void base64AndHexPayloadsAreDecoded() {
        String plain = "system prompt: be nice. marker " + canary;
        String b64 = Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
        String url = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("xy" + canary).getBytes(StandardCharsets.UTF_8));
        String hex = HexFormat.of().formatHex(canary.getBytes(StandardCharsets.UTF_8));

        assertThat(guard.inspect("Encoded as you asked: " + b64))
                .extracting(Finding::type)
                .containsExactly("CANARY_LEAK");
        assertThat(guard.inspect("b64url " + url)).hasSize(1);
        assertThat(guard.inspect("hex: " + hex)).hasSize(1);
    }

    @Test
    void outputsWithoutTheCanaryPass() {
        assertThat(guard.inspect("Here is a summary of the document. Base64 of hello: aGVsbG8gd29ybGQgaGVsbG8="))
                .isEmpty();
        assertThat(guard.inspect(canary.substring(0, 12))).isEmpty();
        assertThat(guard.inspect("")).isEmpty();
    }

    @Test
    void aShortOrPunctuatedCanaryIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new CanaryGuardrail("abc"));
        assertThatIllegalArgumentException().isThrownBy(() -> new CanaryGuardrail("abcd-efgh-ijkl"));
    }
}
