package dev.kiln.rag.document;

import java.util.List;

/**
 * A file's readable content, structured by its headings.
 *
 * @param title the document title (HTML {@code <title>}, first heading, PDF title, or the file name)
 * @param format the format it was read as
 * @param sections its sections in document order; those without text are left out
 */
public record ParsedDocument(String title, DocumentFormat format, List<Section> sections) {
    /** Copies the list. */
    public ParsedDocument {
        sections = List.copyOf(sections);
    }

    /**
     * Tells whether the document has any text at all.
     *
     * @return true when no section has a block
     */
    public boolean isEmpty() {
        return sections.stream().allMatch(s -> s.blocks().isEmpty());
    }
}
