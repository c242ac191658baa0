package dev.kiln.guard.injection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.guard.injection.DocumentSegmenter.Segment;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentSegmenterTests {
    @Test
    void linesAndSentencesBecomePiecesWithTheirOffsets() {
        String doc = "Hi Ann. Thanks for the file!\n\n  See you e.g. on Monday.\n---\n";

        List<Segment> pieces = DocumentSegmenter.segments(doc);

        assertThat(pieces)
                .extracting(Segment::text)
                .containsExactly("Hi Ann.", "Thanks for the file!", "See you e.g. on Monday.");
        assertThat(pieces)
                .allSatisfy(s -> assertThat(doc.substring(s.start(), s.end())).isEqualTo(s.text()));
    }

    @Test
    void longLinesAreCutAndPiecesWithoutLettersDropped() {
        String doc = "word ".repeat(200) + "\n12345 | 678\n";

        List<Segment> pieces = DocumentSegmenter.segments(doc);

        assertThat(pieces)
                .hasSize(4)
                .allSatisfy(s -> assertThat(s.text().length()).isLessThanOrEqualTo(DocumentSegmenter.MAX_CHARS));
    }
}
