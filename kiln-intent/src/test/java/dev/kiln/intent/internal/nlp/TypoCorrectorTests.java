package dev.kiln.intent.internal.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TypoCorrectorTests {
    private final TypoCorrector corrector =
            new TypoCorrector(List.of("email", "receive", "product", "audit", "plan", "address", "shall", "account"));

    @Test
    void swappedLettersAreCorrectedKeepingCapitals() {
        assertThat(corrector.correct("emial")).contains("email");
        assertThat(corrector.correct("Recieve")).contains("Receive");
        assertThat(corrector.correct("prodcut")).contains("product");
    }

    @Test
    void aNeighbouringKeyOnTheSameRowIsCorrected() {
        assertThat(corrector.correct("emaik")).contains("email");
    }

    @Test
    void realWordsOneEditAwayAreLeftAlone() {
        assertThat(corrector.correct("audio")).isEmpty();
        assertThat(corrector.correct("plant")).isEmpty();
        assertThat(corrector.correct("small")).isEmpty();
    }

    @Test
    void anotherEndingIsNotATypo() {
        TypoCorrector endings = new TypoCorrector(List.of("closed", "opened", "starred"));
        assertThat(endings.correct("closes")).isEmpty();
        assertThat(endings.correct("started")).isEmpty();
    }

    @Test
    void oneLetterOfADoubleLeftOutIsCorrectedAlsoInPlurals() {
        assertThat(corrector.correct("adress")).contains("address");
        assertThat(corrector.correct("Acount")).contains("Account");
        assertThat(corrector.correct("acounts")).contains("accounts");
        assertThat(corrector.correct("prodduct")).isEmpty();
    }

    @Test
    void knownWordsShortWordsAndNonWordsAreLeftAlone() {
        assertThat(corrector.correct("emails")).isEmpty();
        assertThat(corrector.correct("plna")).isEmpty();
        assertThat(corrector.correct("e-mial")).isEmpty();
    }
}
