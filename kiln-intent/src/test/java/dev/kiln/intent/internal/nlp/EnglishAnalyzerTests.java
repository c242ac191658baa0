package dev.kiln.intent.internal.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EnglishAnalyzerTests {
    private final EnglishAnalyzer analyzer = new EnglishAnalyzer(new TypoCorrector(List.of("email")));

    @Test
    void splitsSentences() {
        assertThat(analyzer.sentences("Books have a title. Authors write books."))
                .hasSize(2);
    }

    @Test
    void tagsLemmatisesAndKeepsOffsets() {
        AnalyzedSentence s = analyzer.analyze("Members borrow books", 50);
        assertThat(s.tokens()).extracting(Token::lemma).containsExactly("member", "borrow", "book");
        assertThat(s.tokens().get(1).taggedVerb()).isTrue();
        assertThat(s.tokens().get(2).start()).isEqualTo(15);
        assertThat(s.tokens().get(2).end()).isEqualTo(20);
    }

    @Test
    void joinsHyphenatedWordsAgain() {
        AnalyzedSentence s = analyzer.analyze("Rooms have check-in dates", 50);
        assertThat(s.tokens()).extracting(Token::text).containsExactly("Rooms", "have", "check-in", "dates");
    }

    @Test
    void correctsTyposBeforeTaggingAndReportsThem() {
        AnalyzedSentence s = analyzer.analyze("Members have an emial", 50);
        assertThat(s.tokens().getLast().text()).isEqualTo("email");
        assertThat(s.corrections()).containsExactly("emial -> email");
    }

    @Test
    void capsTheTokens() {
        assertThat(analyzer.analyze("word ".repeat(500), 20).tokens()).hasSize(20);
    }
}
