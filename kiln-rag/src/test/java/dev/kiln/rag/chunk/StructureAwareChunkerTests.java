package dev.kiln.rag.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.rag.document.DocumentFormat;
import dev.kiln.rag.document.ParsedDocument;
import dev.kiln.rag.document.Section;
import java.util.List;
import org.junit.jupiter.api.Test;

class StructureAwareChunkerTests {
    private final StructureAwareChunker chunker = new StructureAwareChunker(100, 160);

    private static ParsedDocument doc(Section... sections) {
        return new ParsedDocument("Doc", DocumentFormat.MARKDOWN, List.of(sections));
    }

    @Test
    void packsSmallBlocksOfOneSectionTogether() {
        List<Chunk> chunks = chunker.chunk(doc(new Section(List.of("A"), "a", List.of("one.", "two.", "three."))));
        assertThat(chunks).singleElement().satisfies(c -> {
            assertThat(c.text()).isEqualTo("one.\n\ntwo.\n\nthree.");
            assertThat(c.section()).isEqualTo("A");
            assertThat(c.anchor()).isEqualTo("a");
            assertThat(c.title()).isEqualTo("Doc");
        });
    }

    @Test
    void neverCrossesASectionBoundary() {
        List<Chunk> chunks = chunker.chunk(doc(
                new Section(List.of("A"), "a", List.of("short a")),
                new Section(List.of("A", "B"), "b", List.of("short b"))));
        assertThat(chunks).extracting(Chunk::text).containsExactly("short a", "short b");
        assertThat(chunks).extracting(Chunk::ordinal).containsExactly(0, 1);
        assertThat(chunks.get(1).section()).isEqualTo("A > B");
    }

    @Test
    void startsANewChunkOnceTheTargetIsReached() {
        String block = "x".repeat(70);
        List<Chunk> chunks = chunker.chunk(doc(new Section(List.of(), "", List.of(block, block, block))));
        assertThat(chunks).hasSize(2);
        assertThat(chunks).allSatisfy(c -> assertThat(c.text().length()).isLessThanOrEqualTo(160));
    }

    @Test
    void cutsAnOversizedBlockAtSentenceEndsThenAtSpaces() {
        String sentence = "The broker flushes the journal every two hundred milliseconds by default. ";
        String words = "word ".repeat(100);
        List<Chunk> chunks = chunker.chunk(doc(new Section(List.of(), "", List.of(sentence.repeat(5) + words))));
        assertThat(chunks).allSatisfy(c -> assertThat(c.text().length()).isLessThanOrEqualTo(160));
        assertThat(chunks.getFirst().text()).startsWith("The broker flushes").endsWith("default.");
        assertThat(String.join(" ", chunks.stream().map(Chunk::text).toList()).split("word", -1))
                .hasSize(101);
    }

    @Test
    void contextualTextLeadsWithTitleAndSection() {
        Chunk chunk = new Chunk("Tuning", List.of("Tuning", "journal_flush_interval"), "f", "It sets...", 0);
        assertThat(chunk.contextualText()).isEqualTo("Tuning — Tuning > journal_flush_interval\nIt sets...");
        Chunk plain = new Chunk("Notes", List.of(), "", "text", 0);
        assertThat(plain.contextualText()).isEqualTo("Notes\ntext");
    }
}
