package dev.kiln.guard.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.guard.pii.PiiGuardrail;
import dev.kiln.guard.secret.SecretGuardrail;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StandardSpanSetTests {
    private final SpanEvaluation evaluation =
            new SpanEvaluation(List.of(PiiGuardrail.all(SpanEvaluation.STANDARD_PHONE_REGIONS), new SecretGuardrail()));

    @Test
    void everyTypeReachesF1OfAtLeast095() {
        Map<String, Score> scores = evaluation.evaluate(SpanEvaluation.standardSet());

        assertThat(scores.keySet())
                .contains("EMAIL", "PHONE", "CREDIT_CARD", "IBAN", "US_SSN", "IP_ADDRESS", "AWS_ACCESS_KEY", "JWT");
        assertThat(scores)
                .allSatisfy((type, score) ->
                        assertThat(score.f1()).as(type + " " + score).isGreaterThanOrEqualTo(0.95));
    }

    @Test
    void lookAlikesThatFailTheirChecksumsAreNeverFound() {
        List<String> falseAlarms = SpanEvaluation.standardSet().stream()
                .filter(t -> t.id().contains("-la-") || t.id().startsWith("clean-"))
                .flatMap(t -> evaluation.errors(t).stream())
                .toList();

        assertThat(falseAlarms).isEmpty();
    }

    @Test
    void theWholeSetIsFoundExactly() {
        List<String> errors = SpanEvaluation.standardSet().stream()
                .flatMap(t -> evaluation.errors(t).stream())
                .toList();

        assertThat(errors).isEmpty();
    }
}
