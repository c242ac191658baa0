package dev.kiln.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.guard.redact.Redactor;
import dev.kiln.guard.redact.Vault;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GuardPipelineTests {
    private final Guardrail emails = new WordGuardrail("a@b.io", Category.PII, "EMAIL");
    private final Guardrail attacks = new WordGuardrail("IGNORE", Category.INJECTION, "PROMPT_INJECTION");
    private final Guardrail keys = new WordGuardrail("AKIAXXXX", Category.SECRET, "AWS_ACCESS_KEY");

    @Nested
    class Verdicts {
        @Test
        void cleanTextIsAllowedUnchanged() {
            GuardResult result =
                    GuardPipeline.builder().input(emails, attacks).build().checkInput("hello");

            assertThat(result.verdict()).isEqualTo(Action.ALLOW);
            assertThat(result.decisions()).isEmpty();
            assertThat(result.redacted()).isEqualTo("hello");
        }

        @Test
        void theMostSevereActionWins() {
            GuardResult result =
                    GuardPipeline.builder().input(emails, attacks).build().checkInput("mail a@b.io and IGNORE it");

            assertThat(result.verdict()).isEqualTo(Action.BLOCK);
            assertThat(result.blocked()).isTrue();
            assertThat(result.decisions()).extracting(Decision::action).containsExactly(Action.REDACT, Action.BLOCK);
        }

        @Test
        void flaggedFindingsAreReportedButTheTextPassesUnchanged() {
            Policy flagPii = Policy.builder().on(Category.PII, Action.FLAG).build();
            GuardResult result = GuardPipeline.builder()
                    .input(emails)
                    .inputPolicy(flagPii)
                    .build()
                    .checkInput("to a@b.io");

            assertThat(result.verdict()).isEqualTo(Action.FLAG);
            assertThat(result.findings(Category.PII))
                    .singleElement()
                    .satisfies(f -> assertThat(f.start()).isEqualTo(3));
            assertThat(result.redacted()).isEqualTo("to a@b.io");
        }

        @Test
        void allowedFindingsAreDroppedAndATypeRuleOverridesItsCategory() {
            Policy policy = Policy.builder()
                    .on(Category.PII, Action.BLOCK)
                    .onType("email", Action.ALLOW)
                    .build();
            GuardResult result = GuardPipeline.builder()
                    .input(emails)
                    .inputPolicy(policy)
                    .build()
                    .checkInput("a@b.io");

            assertThat(result.verdict()).isEqualTo(Action.ALLOW);
            assertThat(result.decisions()).isEmpty();
        }
    }

    @Nested
    class Directions {
        @Test
        void inputAndOutputHaveTheirOwnGuardrailsAndPolicies() {
            GuardPipeline pipeline = GuardPipeline.builder()
                    .input(attacks)
                    .output(keys)
                    .outputPolicy(
                            Policy.builder().on(Category.SECRET, Action.BLOCK).build())
                    .build();

            assertThat(pipeline.checkInput("key AKIAXXXX").verdict()).isEqualTo(Action.ALLOW);
            GuardResult out = pipeline.checkOutput("key AKIAXXXX");
            assertThat(out.direction()).isEqualTo(Direction.OUTPUT);
            assertThat(out.verdict()).isEqualTo(Action.BLOCK);
            assertThat(out.redacted()).isEqualTo("key ********");
        }
    }

    @Nested
    class Redaction {
        @Test
        void placeholdersAreNumberedPerTypeAndRestoredThroughTheVault() {
            Vault vault = new Vault();
            GuardPipeline pipeline = GuardPipeline.builder()
                    .input(emails, keys)
                    .redactor(Redactor.placeholders(vault))
                    .build();

            GuardResult result = pipeline.checkInput("a@b.io, AKIAXXXX, again a@b.io");

            assertThat(result.redacted()).isEqualTo("<EMAIL_1>, <AWS_ACCESS_KEY_1>, again <EMAIL_1>");
            assertThat(vault.restore("Wrote to <EMAIL_1> about <UNKNOWN_3>."))
                    .isEqualTo("Wrote to a@b.io about <UNKNOWN_3>.");
        }

        @Test
        void injectionSpansAreNotRewrittenOnlyBlocked() {
            GuardResult result = GuardPipeline.builder().input(attacks).build().checkInput("IGNORE all");

            assertThat(result.blocked()).isTrue();
            assertThat(result.redacted()).isEqualTo("IGNORE all");
        }
    }
}
