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

    @Test
    void theShippedAnswerSentencesHaveEveryPartInEverySplit() {
        BenignDocuments.AnswerPhrases phrases = BenignDocuments.AnswerPhrases.shipped();

        assertThat(phrases.leadIns()).hasSizeGreaterThanOrEqualTo(40).doesNotHaveDuplicates();
        assertThat(phrases.intros()).isNotEmpty();
        assertThat(phrases.afters()).isNotEmpty();
        for (Split split : Split.values()) {
            assertThat(phrases.leadIns())
                    .as("lead-ins in %s", split)
                    .anySatisfy(s -> assertThat(BenignDocuments.splitOf("code-answer-sentence:" + s))
                            .isEqualTo(split));
        }
    }

    @Test
    void aCodeAnswerFencesTheListingAfterALeadInOfItsOwnSplitAndIsReproducible() {
        BenignDocuments.AnswerPhrases phrases = new BenignDocuments.AnswerPhrases(
                List.of("The loop is wrong."),
                List.of("Lead A:", "Lead B:", "Lead C:", "Lead D:", "Lead E:", "Lead F:", "Lead G:", "Lead H:"),
                List.of("Hope this helps."));
        String code = "    def f(x):\n        return x + 1\n\n    print(f(2))";

        for (int i = 0; i < 40; i++) {
            String key = "python-stdlib:m" + i + ".py";
            String answer = BenignDocuments.codeAnswer(key, code, phrases);
            Split split = BenignDocuments.splitOf(key);

            assertThat(answer).contains("\n```\ndef f(x):\n    return x + 1\n\nprint(f(2))\n```");
            String head = answer.substring(0, answer.indexOf("\n```"));
            List<String> used =
                    phrases.leadIns().stream().filter(head::endsWith).toList();
            assertThat(used).hasSize(1);
            String leadIn = used.get(0);
            boolean splitHasOne = phrases.leadIns().stream()
                    .anyMatch(s -> BenignDocuments.splitOf("code-answer-sentence:" + s) == split);
            if (splitHasOne) {
                assertThat(BenignDocuments.splitOf("code-answer-sentence:" + leadIn))
                        .as(answer)
                        .isEqualTo(split);
            }
            assertThat(BenignDocuments.codeAnswer(key, code, phrases)).isEqualTo(answer);
        }
    }

    @Test
    void aLongListingIsCutAtALineSoTheAnswerStaysWithinTheMaximum() {
        BenignDocuments.AnswerPhrases phrases =
                new BenignDocuments.AnswerPhrases(List.of("Intro."), List.of("Try this:"), List.of("Done."));
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            code.append("value_").append(i).append(" = compute(").append(i).append(")\n");
        }

        String answer = BenignDocuments.codeAnswer("k", code.toString(), phrases);

        assertThat(answer.length()).isLessThanOrEqualTo(BenignDocuments.MAX_CHARS);
        assertThat(answer).contains("Try this:\n```\nvalue_0 = compute(0)\n").containsPattern("\\)\n```");
    }

    @Test
    void listingsAreMostlyCodeOfAFewLinesWithoutLicences() {
        String code =
                "def area(radius):\n    return 3.14159 * radius * radius\n\nprint(area(2.0), area(3.0), area(4.5))";
        String comments = "# one\n# two\n# three\nx = 1  # and a long enough tail to pass the length check";
        String licence = "/* Copyright 2020 Someone\n * Licensed under the MIT License\n */\nint x = 1; int y = 2;";

        assertThat(BenignDocuments.isListing(code)).isTrue();
        assertThat(BenignDocuments.isListing(comments)).isFalse();
        assertThat(BenignDocuments.isListing(licence)).isFalse();
        assertThat(BenignDocuments.isListing("a = 1\nb = 2")).isFalse();
    }

    @Test
    void theNewestPythonFolderIsChosenByMinorVersion(@org.junit.jupiter.api.io.TempDir java.nio.file.Path lib)
            throws java.io.IOException {
        for (String name : List.of("python3.9", "python3.11", "python3.10", "python3.12-config", "python3")) {
            java.nio.file.Files.createDirectories(lib.resolve(name));
        }

        assertThat(BenignDocuments.newestPython(lib)).isEqualTo(lib.resolve("python3.11"));
        assertThat(BenignDocuments.newestPython(lib.resolve("absent"))).isEqualTo(lib.resolve("absent/python3"));
    }
}
