package dev.kiln.guard.pii;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.guard.Category;
import dev.kiln.guard.Finding;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PiiGuardrailTests {
    private final PiiGuardrail pii = PiiGuardrail.all();

    private List<String> types(String text) {
        return pii.inspect(text).stream().map(Finding::type).toList();
    }

    @Nested
    class Checksums {
        @Test
        void luhnAcceptsTestCardsAndRejectsAChangedDigit() {
            assertThat(dev.kiln.guard.pii.Checksums.luhn("4111111111111111")).isTrue();
            assertThat(dev.kiln.guard.pii.Checksums.luhn("4111111111111112")).isFalse();
        }

        @Test
        void ibanMod97AcceptsTheRegistryExampleAndRejectsAChangedDigit() {
            assertThat(dev.kiln.guard.pii.Checksums.ibanMod97("GB82WEST12345698765432"))
                    .isTrue();
            assertThat(dev.kiln.guard.pii.Checksums.ibanMod97("GB82WEST12345698765433"))
                    .isFalse();
        }

        @Test
        void ssnRulesRejectReservedAreasGroupsAndSerials() {
            assertThat(SsnDetector.valid("536228541")).isTrue();
            assertThat(SsnDetector.valid("666228541")).isFalse();
            assertThat(SsnDetector.valid("936228541")).isFalse();
            assertThat(SsnDetector.valid("536008541")).isFalse();
            assertThat(SsnDetector.valid("536220000")).isFalse();
        }
    }

    @Nested
    class Offsets {
        @Test
        void findingsCarryExactOffsetsAndTheCategory() {
            String text = "mail jane@acme.io now";

            assertThat(pii.inspect(text)).containsExactly(Finding.certain(Category.PII, "EMAIL", 5, 17));
        }

        @Test
        void aCardFollowedByAYearIsStillFound() {
            String text = "card 4111 1111 1111 1111 2029";

            assertThat(pii.inspect(text))
                    .singleElement()
                    .satisfies(f -> assertThat(f.valueIn(text)).isEqualTo("4111 1111 1111 1111"));
        }
    }

    @Nested
    class Choices {
        @Test
        void onlyTheChosenTypesAreReported() {
            PiiGuardrail emailsOnly = PiiGuardrail.of(EnumSet.of(PiiType.EMAIL), "US");

            assertThat(emailsOnly.inspect("a@b.io 10.0.0.1").stream().map(Finding::type))
                    .containsExactly("EMAIL");
        }

        @Test
        void theRegionDecidesWhichNationalNumbersAreRead() {
            PiiGuardrail german = PiiGuardrail.of(EnumSet.of(PiiType.PHONE), "DE");

            assertThat(german.inspect("Ruf an: 030 901820")).hasSize(1);
            assertThat(types("Ruf an: 030 901820")).isEmpty();
        }

        @Test
        void ipv6FormsAreValidatedNotJustMatched() {
            assertThat(IpAddressDetector.isV6("2001:db8::1")).isTrue();
            assertThat(IpAddressDetector.isV6("::ffff:192.0.2.1")).isTrue();
            assertThat(IpAddressDetector.isV6("1::2::3")).isFalse();
            assertThat(IpAddressDetector.isV6("12:30:45")).isFalse();
            assertThat(types("at 12:30:45 and 2001:db8::1.")).containsExactly("IP_ADDRESS");
        }
    }
}
