package dev.kiln.rag.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.rag.search.SearchHit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading a model's reply into sentences and the chunks each cites, and the prompt's numbering. */
class AnswerPromptTests {
    @Test
    void markersBeforeOrAfterTheFullStopBelongToTheirSentence() {
        List<AnswerPrompt.Claim> claims =
                AnswerPrompt.claims("The default is 200 ms [1]. Lower values lose less. [2][3] Done [1, 4].");
        assertThat(claims)
                .extracting(AnswerPrompt.Claim::text)
                .containsExactly("The default is 200 ms.", "Lower values lose less.", "Done.");
        assertThat(claims)
                .extracting(AnswerPrompt.Claim::cited)
                .containsExactly(List.of(1), List.of(2, 3), List.of(1, 4));
        assertThat(claims.get(1).normalized()).isEqualTo("Lower values lose less. [2][3]");
    }

    @Test
    void aSentenceWithoutMarkersCitesNothingAndListsAreFlattened() {
        List<AnswerPrompt.Claim> claims = AnswerPrompt.claims("- First point [1].\n- Second point without any.\n");
        assertThat(claims)
                .extracting(AnswerPrompt.Claim::text)
                .containsExactly("First point.", "Second point without any.");
        assertThat(claims.get(1).cited()).isEmpty();
    }

    @Test
    void theRefusalIsRecognisedWithQuotesOrAFullStop() {
        assertThat(AnswerPrompt.declines("NOT IN DOCUMENTS")).isTrue();
        assertThat(AnswerPrompt.declines(" \"Not in documents.\" ")).isTrue();
        assertThat(AnswerPrompt.declines("It is NOT IN DOCUMENTS [1] but here is a guess."))
                .isFalse();
    }

    @Test
    void thePromptNumbersTheChunksWithTitleAndSectionAndEndsWithTheQuestion() {
        String prompt = AnswerPrompt.user(
                "How often?",
                List.of(
                        new SearchHit("a.md", "A", "A > Flush", "flush", "Every 200 ms.", 1.0),
                        new SearchHit("b.md", "B", "B", "", "Never.", 0.5)));
        assertThat(prompt)
                .isEqualTo("Excerpts:\n\n[1] A — A > Flush\nEvery 200 ms.\n\n[2] B\nNever.\n\nQuestion: How often?");
        assertThat(LlmAnswererTests.excerptWith(prompt, "Never")).isEqualTo(2);
    }
}
