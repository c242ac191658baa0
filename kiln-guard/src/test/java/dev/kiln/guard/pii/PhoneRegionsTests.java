package dev.kiln.guard.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.guard.Finding;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhoneRegionsTests {
    private static List<String> phones(PiiGuardrail pii, String text) {
        return pii.inspect(text).stream()
                .filter(f -> f.type().equals("PHONE"))
                .map(f -> f.valueIn(text))
                .toList();
    }

    @Test
    void nationalNumbersCountOnlyInTheirConfiguredRegions() {
        String text = "London 020 7946 0958, Berlin 030 901820, Sydney (02) 9876 5432.";

        assertThat(phones(PiiGuardrail.all(), text)).isEmpty();
        assertThat(phones(PiiGuardrail.all(List.of("gb", "DE")), text)).contains("020 7946 0958", "030 901820");
        assertThat(phones(PiiGuardrail.all(List.of("US", "GB", "DE", "AU")), text))
                .containsExactly("020 7946 0958", "030 901820", "(02) 9876 5432");
    }

    @Test
    void internationalNumbersAreFoundWhateverTheRegions() {
        String text = "Madrid +34 912 34 56 78, Beijing +86 10 6552 9988, Mexico +52 55 1234 5678.";

        assertThat(phones(PiiGuardrail.all(), text))
                .containsExactly("+34 912 34 56 78", "+86 10 6552 9988", "+52 55 1234 5678");
        assertThat(phones(PiiGuardrail.of(EnumSet.of(PiiType.PHONE), List.of("JP")), text))
                .hasSize(3);
    }

    @Test
    void invalidNumbersDatesOrderNumbersAndVersionsAreNotPhones() {
        PiiGuardrail pii = PiiGuardrail.all(List.of("US", "GB", "DE", "FR", "IN", "JP", "AU", "BR"));

        assertThat(phones(pii, "+44 20 7946 095 and +1 555 012 3456 and +33 9 99 99 99 99 99"))
                .isEmpty();
        assertThat(phones(pii, "on 12.05.2024, 05/12/2024, 2024-05-12 10:30, 12-05-2024, 2024.05.12"))
                .isEmpty();
        assertThat(phones(pii, "Order #4155552671; order no. 0301234567; invoice 0207946095"))
                .isEmpty();
        assertThat(phones(pii, "version 10.0.19041.1234, release 2023.10.1234, see 4.10.0.1234567"))
                .isEmpty();
        // A phone word closer than the other word wins; so does a plain number with no context.
        assertThat(phones(pii, "order 12, call 0301234567")).containsExactly("0301234567");
        assertThat(phones(pii, "415.555.2671")).containsExactly("415.555.2671");
    }

    @Test
    void versionsAreDottedDigitsWithAOneDigitPart() {
        assertThat(PhoneDetector.isVersion("10.0.19041.1234")).isTrue();
        assertThat(PhoneDetector.isVersion("1.800.555.0199")).isFalse();
        assertThat(PhoneDetector.isVersion("01.42.68.53.00")).isFalse();
        assertThat(PhoneDetector.isVersion("415-555-2671")).isFalse();
    }

    @Test
    void unknownRegionsAreRefusedByName() {
        assertThatThrownBy(() -> PiiGuardrail.all(List.of("US", "XX")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'XX'");
        assertThatThrownBy(() -> PiiGuardrail.all(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(PiiGuardrail.all(List.of("us", "US")).inspect("(650) 253-0000"))
                .extracting(Finding::type)
                .containsExactly("PHONE");
    }
}
