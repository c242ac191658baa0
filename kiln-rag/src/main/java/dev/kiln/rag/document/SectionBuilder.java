package dev.kiln.rag.document;

import java.util.ArrayList;
import java.util.List;

/** Collects blocks under a stack of headings and closes a section at each new heading. */
final class SectionBuilder {
    private record Heading(int level, String text) {}

    private final List<Section> sections = new ArrayList<>();
    private final List<Heading> stack = new ArrayList<>();
    private List<String> blocks = new ArrayList<>();
    private String anchor = "";

    /**
     * Starts a section under a heading; headings of the same or a deeper level are closed.
     *
     * @param level 1 for the outermost heading
     * @param text the heading text
     * @param headingAnchor the fragment that links to the heading, or empty
     */
    void heading(int level, String text, String headingAnchor) {
        flush();
        while (!stack.isEmpty() && stack.getLast().level() >= level) {
            stack.removeLast();
        }
        stack.add(new Heading(level, text));
        anchor = headingAnchor;
    }

    /**
     * Adds a block of text to the current section; blank blocks are ignored.
     *
     * @param text the block
     */
    void block(String text) {
        String stripped = text.strip();
        if (!stripped.isEmpty()) {
            blocks.add(stripped);
        }
    }

    /**
     * Closes the last section and returns them all.
     *
     * @return the sections that have text
     */
    List<Section> build() {
        flush();
        return List.copyOf(sections);
    }

    /**
     * Returns the text of the first heading seen, for documents without a title of their own.
     *
     * @return the heading text, or empty
     */
    String firstHeading() {
        return sections.stream()
                .filter(s -> !s.path().isEmpty())
                .map(s -> s.path().getFirst())
                .findFirst()
                .orElse(stack.isEmpty() ? "" : stack.getFirst().text());
    }

    private void flush() {
        if (!blocks.isEmpty()) {
            sections.add(new Section(stack.stream().map(Heading::text).toList(), anchor, blocks));
        }
        blocks = new ArrayList<>();
    }
}
