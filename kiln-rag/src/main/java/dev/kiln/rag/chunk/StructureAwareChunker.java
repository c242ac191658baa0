package dev.kiln.rag.chunk;

import dev.kiln.rag.document.ParsedDocument;
import dev.kiln.rag.document.Section;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a document into chunks that never cross a section boundary: consecutive blocks of a section
 * are packed up to a target size; a block larger than the maximum is cut at sentence ends, and a
 * sentence larger than that at a space.
 *
 * <p>Sizes are in characters. The defaults (about 1,000, at most 1,600) keep a chunk within the 256
 * word pieces MiniLM reads at once for typical English prose.
 */
public final class StructureAwareChunker {
    /** The default target size of a chunk, in characters. */
    public static final int DEFAULT_TARGET_CHARS = 1000;

    /** The default largest chunk, in characters. */
    public static final int DEFAULT_MAX_CHARS = 1600;

    private static final String BLOCK_SEPARATOR = "\n\n";

    private final int targetChars;
    private final int maxChars;

    /** Creates a chunker with the default sizes. */
    public StructureAwareChunker() {
        this(DEFAULT_TARGET_CHARS, DEFAULT_MAX_CHARS);
    }

    /**
     * Creates a chunker.
     *
     * @param targetChars pack blocks until a chunk reaches about this size
     * @param maxChars no chunk is larger than this
     */
    public StructureAwareChunker(int targetChars, int maxChars) {
        if (targetChars < 1 || maxChars < targetChars) {
            throw new IllegalArgumentException(
                    "need 0 < targetChars <= maxChars, got " + targetChars + ", " + maxChars);
        }
        this.targetChars = targetChars;
        this.maxChars = maxChars;
    }

    /**
     * Names the chunking settings; a store re-ingests every file when they change.
     *
     * @return a stable description
     */
    public String settings() {
        return "structure-aware/" + targetChars + "/" + maxChars;
    }

    /**
     * Chunks a document.
     *
     * @param document the document
     * @return its chunks in document order, numbered from 0
     */
    public List<Chunk> chunk(ParsedDocument document) {
        List<Chunk> chunks = new ArrayList<>();
        for (Section section : document.sections()) {
            for (String text : pack(section.blocks())) {
                chunks.add(new Chunk(document.title(), section.path(), section.anchor(), text, chunks.size()));
            }
        }
        return chunks;
    }

    private List<String> pack(List<String> blocks) {
        List<String> texts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String block : blocks) {
            for (String piece : block.length() > maxChars ? split(block) : List.of(block)) {
                int joined = current.length() + (current.isEmpty() ? 0 : BLOCK_SEPARATOR.length()) + piece.length();
                if (!current.isEmpty() && (joined > maxChars || current.length() >= targetChars)) {
                    texts.add(current.toString());
                    current.setLength(0);
                }
                current.append(current.isEmpty() ? "" : BLOCK_SEPARATOR).append(piece);
            }
        }
        if (!current.isEmpty()) {
            texts.add(current.toString());
        }
        return texts;
    }

    /** Cuts an oversized block into pieces of at most maxChars at sentence ends, else at spaces. */
    private List<String> split(String block) {
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String sentence : sentences(block)) {
            if (!current.isEmpty() && current.length() + sentence.length() > targetChars) {
                pieces.add(current.toString().strip());
                current.setLength(0);
            }
            if (sentence.length() > maxChars) {
                pieces.addAll(hardSplit(sentence));
            } else {
                current.append(sentence);
            }
        }
        if (!current.toString().isBlank()) {
            pieces.add(current.toString().strip());
        }
        return pieces;
    }

    private static List<String> sentences(String block) {
        BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ROOT);
        iterator.setText(block);
        List<String> sentences = new ArrayList<>();
        for (int start = iterator.first(), end = iterator.next();
                end != BreakIterator.DONE;
                start = end, end = iterator.next()) {
            sentences.add(block.substring(start, end));
        }
        return sentences;
    }

    private List<String> hardSplit(String text) {
        List<String> pieces = new ArrayList<>();
        String rest = text.strip();
        while (rest.length() > maxChars) {
            int cut = rest.lastIndexOf(' ', targetChars);
            cut = cut <= 0 ? targetChars : cut;
            pieces.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty()) {
            pieces.add(rest);
        }
        return pieces;
    }
}
