package dev.kiln.guard.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.guard.eval.LabelledPrompt.Split;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class BenignDocumentsTests {
    private static final String PAGE = """
            <html><body>
            <div class="navheader"><table><tr><td>Prev</td><td>Next</td></tr></table></div>
            <h2>CREATE INDEX</h2>
            <p>Use   <code>CREATE INDEX</code> to build an index.</p>
            <pre class="programlisting">CREATE INDEX idx ON films (title);
            SELECT 1;</pre>
            <table><tr><th>Name</th><th>Type</th></tr><tr><td>title</td><td><p>text</p></td></tr></table>
            <ul><li>plain item</li><li><p>item with a paragraph</p></li></ul>
            <div class="navfooter"><p>Home</p></div>
            </body></html>
            """;

    @Test
    void htmlBlocksKeepParagraphsListingsAndTableRowsInOrderWithoutNavigation() {
        List<String> blocks = BenignDocuments.htmlBlocks(PAGE);

        assertThat(blocks)
                .containsExactly(
                        "CREATE INDEX",
                        "Use CREATE INDEX to build an index.",
                        "CREATE INDEX idx ON films (title);\nSELECT 1;",
                        "| Name | Type |\n| title | text |\n",
                        "plain item",
                        "item with a paragraph");
    }

    @Test
    void chunksAreBetweenTheLimitsAndKeepEveryLineOfTheBlocksTheyTake() {
        List<String> blocks = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            blocks.add("Paragraph " + i + " says something about tables and indexes, at some length.");
        }

        List<String> docs = BenignDocuments.chunk("page.html", blocks);

        assertThat(docs).hasSizeGreaterThan(3);
        assertThat(docs)
                .allSatisfy(
                        d -> assertThat(d.length()).isBetween(BenignDocuments.MIN_CHARS, BenignDocuments.MAX_CHARS));
        assertThat(docs.get(0)).startsWith("Paragraph 0 says").contains("\nParagraph 1 says");
        assertThat(docs.stream().mapToInt(String::length).distinct().count())
                .as("target lengths vary with the key")
                .isGreaterThan(1);
        assertThat(BenignDocuments.chunk("page.html", blocks)).isEqualTo(docs);
    }

    @Test
    void aBlockLongerThanTheMaximumIsCutAtLineEndsAndAShortRemainderIsDropped() {
        String longBlock = "x".repeat(400) + "\n" + "y".repeat(3_500);

        List<String> docs = BenignDocuments.chunk("k", List.of(longBlock));

        assertThat(docs).allSatisfy(d -> assertThat(d.length()).isLessThanOrEqualTo(BenignDocuments.MAX_CHARS));
        assertThat(docs.get(0)).isEqualTo("x".repeat(400));
        assertThat(String.join("", docs.subList(1, docs.size())).replace("\n", ""))
                .isEqualTo("y".repeat(3_500));
        assertThat(BenignDocuments.chunk("k", List.of("too short"))).isEmpty();
    }

    @Test
    void paragraphsAreSplitAtBlankLines() {
        assertThat(BenignDocuments.paragraphs("one\nline two\n\n  \nthree\r\n\r\nfour  \n"))
                .containsExactly("one\nline two", "three", "four");
    }

    @Test
    void theSplitFollowsTheKeyInRoughlyTheDocumentedShares() {
        Map<Split, Integer> counts = new TreeMap<>();
        for (int i = 0; i < 2_000; i++) {
            counts.merge(BenignDocuments.splitOf("postgres-doc:page" + i + ".html"), 1, Integer::sum);
        }

        assertThat(counts.get(Split.TRAIN)).isBetween(1_100, 1_300);
        assertThat(counts.get(Split.VALIDATION)).isBetween(320, 480);
        assertThat(counts.get(Split.TEST)).isBetween(320, 480);
        assertThat(new BenignDocuments.Document("postgres-doc", "postgres-doc:page7.html", "a").split())
                .isEqualTo(BenignDocuments.splitOf("postgres-doc:page7.html"));
    }
}
