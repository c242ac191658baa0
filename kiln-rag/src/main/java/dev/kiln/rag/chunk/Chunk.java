package dev.kiln.rag.chunk;

import java.util.List;

/**
 * A retrievable piece of a document.
 *
 * @param title the document's title
 * @param sectionPath the headings above the chunk, outermost first
 * @param anchor the fragment that links to the chunk's section, or empty
 * @param text the chunk's text: whole paragraphs separated by blank lines where they fit
 * @param ordinal the chunk's position in its document, from 0
 */
public record Chunk(String title, List<String> sectionPath, String anchor, String text, int ordinal) {
    /** Copies the list. */
    public Chunk {
        sectionPath = List.copyOf(sectionPath);
    }

    /**
     * Returns the section path as one line, headings joined by {@code " > "}.
     *
     * @return the section, or empty for a chunk before any heading
     */
    public String section() {
        return String.join(" > ", sectionPath);
    }

    /**
     * Returns the text an embedding model should see: title and section first, so that a chunk that
     * says "it" still carries what it is about.
     *
     * @return the text to embed
     */
    public String contextualText() {
        String section = section();
        String head = section.isEmpty() || section.equals(title) ? title : title + " — " + section;
        return head + "\n" + text;
    }
}
