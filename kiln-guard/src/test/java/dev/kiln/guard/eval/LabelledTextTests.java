package dev.kiln.guard.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LabelledTextTests {
    @Test
    void marksBecomeOffsetsIntoTheStrippedText() {
        LabelledText t = LabelledText.parse("x", "mail [[EMAIL:a@b.io]] or [[PHONE:+1 650-253-0000]].");

        assertThat(t.text()).isEqualTo("mail a@b.io or +1 650-253-0000.");
        assertThat(t.spans()).containsExactly(new LabelledSpan("EMAIL", 5, 11), new LabelledSpan("PHONE", 15, 30));
    }

    @Test
    void anUnclosedMarkIsRejectedWithItsOffset() {
        assertThatThrownBy(() -> LabelledText.parse("case-7", "a [[EMAIL:x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("case-7")
                .hasMessageContaining("offset 2");
    }

    @Test
    void scoresDeriveTheirRates() {
        Score s = new Score(8, 2, 2, 88);

        assertThat(s.precision()).isEqualTo(0.8);
        assertThat(s.recall()).isEqualTo(0.8);
        assertThat(s.f1()).isEqualTo(0.8, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(s.falsePositiveRate()).isEqualTo(2 / 90.0);
    }
}
