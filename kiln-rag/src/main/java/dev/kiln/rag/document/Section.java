package dev.kiln.rag.document;

import java.util.List;

/**
 * A run of a document under one heading.
 *
 * @param path the headings that enclose it, outermost first; empty before the first heading
 * @param anchor the fragment that links to it ({@code id} in HTML, a slug in Markdown, {@code page=N}
 *     in PDF), or empty when there is none
 * @param blocks its paragraphs, list items, table rows and code blocks, in order, none blank
 */
public record Section(List<String> path, String anchor, List<String> blocks) {
    /** Copies the lists. */
    public Section {
        path = List.copyOf(path);
        blocks = List.copyOf(blocks);
    }
}
