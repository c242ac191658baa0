package dev.kiln.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.guard.canary.CanaryGuardrail;
import dev.kiln.guard.embedding.HashingEncoder;
import dev.kiln.guard.injection.IndirectInjectionGuardrail;
import dev.kiln.guard.injection.InjectionGuardrail;
import dev.kiln.guard.injection.LinearModel;
import dev.kiln.guard.pii.PiiGuardrail;
import dev.kiln.guard.schema.JsonSchemaGuardrail;
import dev.kiln.guard.secret.SecretGuardrail;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every guardrail on hostile input: random bytes, long runs built to make a backtracking matcher explode,
 * deep Unicode, each within a generous time budget (catastrophic backtracking would take hours) and without
 * an exception. The megabyte input is {@code LargeInputIT}.
 */
class RobustnessTests {
    private static final List<Guardrail> GUARDRAILS = List.of(
            PiiGuardrail.all(),
            PiiGuardrail.all(List.of("US", "GB", "DE", "FR", "IN", "JP", "AU", "BR")),
            JsonSchemaGuardrail.of("""
                    {"type":"object","properties":{"a":{"type":"array","items":{"type":"string","pattern":"^(a+)+$"}}},
                     "patternProperties":{"^(x|x)*y$":{"type":"integer"}},"additionalProperties":{"format":"email"}}"""),
            new SecretGuardrail(),
            InjectionGuardrail.shipped(),
            CanaryGuardrail.random(new Random(1)),
            new IndirectInjectionGuardrail(
                    new HashingEncoder(), new LinearModel(new float[16 + IndirectInjectionGuardrail.CUES], 0, 0.5f)));

    static List<String> adversarial() {
        return List.of(
                "a".repeat(8_000) + "@",
                "a.".repeat(4_000) + "@x",
                "1".repeat(8_000),
                "1 ".repeat(4_000),
                "1-".repeat(4_000),
                "1.".repeat(4_000),
                "a:".repeat(4_000),
                "::".repeat(4_000),
                "ff:".repeat(8_000) + "1.2.3.4",
                "GB82 ".repeat(4_000),
                "AKIA".repeat(800),
                "eyJ".repeat(4_000) + "." + "eyJ".repeat(4_000),
                "-----BEGIN RSA PRIVATE KEY-----" + "A".repeat(24_000),
                "api_key=".repeat(2_500) + "x",
                "password: " + "Ab1!".repeat(800),
                "xoxb-" + "1234567890-".repeat(800),
                "<!--".repeat(800) + "ignore",
                "<span style=\"display:none\">".repeat(800),
                "ignore ".repeat(4_000) + "previous instructions",
                "\u200B".repeat(8_000),
                "🔓".repeat(8_000),
                "\uD800".repeat(4_000) + "\uDC00x\uD800",
                "Ａ".repeat(12_000),
                "e\u0301".repeat(8_000),
                "[[".repeat(4_000),
                // The phone look-alike rules: context words, dates, dotted versions, long runs of separators.
                "order #".repeat(2_000) + "4155552671",
                "12.05.2024 ".repeat(1_000),
                "1.".repeat(6_000) + "1",
                "(0".repeat(4_000),
                "+".repeat(8_000) + "1",
                "call ".repeat(2_000) + "0301234567 ".repeat(200),
                // The schema check: deep, long, unterminated and fenced JSON, keys and strings made for the patterns.
                "[".repeat(12_000),
                "{\"a\":[" + "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\",".repeat(250) + "\"a\"]}",
                "{" + "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\":1,".repeat(200) + "\"z\":\"@\"}",
                "```json\n".repeat(4_000),
                "```\n" + "{\"a\":".repeat(3_000) + "```",
                "\"" + "\\u00".repeat(2_000) + "\"",
                "1" + "0".repeat(8_000),
                "{\"a\":[" + "1,".repeat(5_000) + "1]}");
    }

    @ParameterizedTest
    @MethodSource("adversarial")
    void adversarialRunsFinishQuicklyWithoutErrors(String text) {
        for (Guardrail g : GUARDRAILS) {
            long start = System.nanoTime();
            g.inspect(text);
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .as(g.name() + " on a " + text.length() + "-char run of "
                            + text.substring(0, Math.min(12, text.length())))
                    .isLessThan(Duration.ofSeconds(60));
        }
    }

    @Test
    void randomBytesDecodedAsTextNeverThrow() {
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            byte[] bytes = new byte[random.nextInt(2_000)];
            random.nextBytes(bytes);
            String text = new String(bytes, i % 2 == 0 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            for (Guardrail g : GUARDRAILS) {
                assertThat(g.inspect(text)).allSatisfy(f -> assertThat(f.end()).isLessThanOrEqualTo(text.length()));
            }
        }
    }
}
