package dev.kiln.guard.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.guard.Category;
import dev.kiln.guard.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTests {
    @Test
    void maskKeepsTheLengthOfEverySpan() {
        String text = "card 4111 1111 1111 1111 ok";
        Finding card = Finding.certain(Category.PII, "CREDIT_CARD", 5, 24);

        assertThat(Redactor.mask().redact(text, List.of(card))).isEqualTo("card ******************* ok");
    }

    @Test
    void overlappingSpansAreMergedSoNoCharacterIsReplacedTwice() {
        Vault vault = new Vault();
        String text = "xx abcdef yy";
        List<Finding> findings = List.of(
                Finding.certain(Category.SECRET, "INNER", 5, 7),
                Finding.certain(Category.SECRET, "OUTER", 3, 8),
                Finding.certain(Category.SECRET, "TAIL", 7, 9));

        assertThat(Redactor.placeholders(vault).redact(text, findings)).isEqualTo("xx <OUTER_1> yy");
        assertThat(vault.restore("<OUTER_1>")).isEqualTo("abcdef");
    }

    @Test
    void theSameValueGetsTheSamePlaceholderAndDifferentValuesDifferentOnes() {
        Vault vault = new Vault();

        assertThat(vault.placeholderFor("EMAIL", "a@x.io")).isEqualTo("<EMAIL_1>");
        assertThat(vault.placeholderFor("EMAIL", "b@x.io")).isEqualTo("<EMAIL_2>");
        assertThat(vault.placeholderFor("EMAIL", "a@x.io")).isEqualTo("<EMAIL_1>");
        assertThat(vault.placeholderFor("PHONE", "a@x.io")).isEqualTo("<PHONE_1>");
        assertThat(vault.size()).isEqualTo(3);
    }

    @Test
    void restoreLeavesValuesThatLookLikeReplacementSyntaxIntact() {
        Vault vault = new Vault();
        String placeholder = vault.placeholderFor("SECRET", "p$1\\x");

        assertThat(vault.restore("k=" + placeholder)).isEqualTo("k=p$1\\x");
    }
}
