package dev.kiln.intent.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromptVocabularyTests {
    private final PromptVocabulary vocabulary =
            PromptVocabulary.of("Writers publish Articles; CUSTOMERS place order-items. Categories group them.");

    @Test
    void mentionsMatchesPluralsAndCaseOfEveryWord() {
        assertThat(vocabulary.mentions("OrderItem")).isTrue();
        assertThat(vocabulary.mentions("Category")).isTrue();
        assertThat(vocabulary.mentions("customer")).isTrue();
    }

    @Test
    void mentionsMatchesSynonyms() {
        assertThat(vocabulary.mentionOf("Author")).hasValue("writer");
        assertThat(vocabulary.mentionOf("Post")).hasValue("article");
    }

    @Test
    void mentionsNeedsEveryWord() {
        assertThat(vocabulary.mentions("AdminOrder")).isFalse();
        assertThat(vocabulary.mentions("Invoice")).isFalse();
    }

    @Test
    void mentionsIsIndependentOfTheDefaultLocale() {
        assertThat(PromptVocabulary.of("IDS AND INVOICES").mentions("Invoice")).isTrue();
    }

    @Test
    void asksFindsACueThatIsNotNegated() {
        assertThat(PromptVocabulary.of("Secure it with OAuth2").asks(FeatureCues.AUTH))
                .isTrue();
        assertThat(PromptVocabulary.of("users log in with an API key").asks(FeatureCues.AUTH))
                .isTrue();
    }

    @Test
    void asksIgnoresANegatedCue() {
        assertThat(PromptVocabulary.of("A public API without authentication").asks(FeatureCues.AUTH))
                .isFalse();
        assertThat(PromptVocabulary.of("no caching please").asks(FeatureCues.CACHE))
                .isFalse();
    }

    @Test
    void asksFindsALaterCueAfterANegatedOne() {
        assertThat(PromptVocabulary.of("no caching of writes, but cache reads").asks(FeatureCues.CACHE))
                .isTrue();
    }
}
