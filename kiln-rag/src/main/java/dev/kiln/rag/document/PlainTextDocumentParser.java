package dev.kiln.rag.document;

import java.util.List;

/**
 * Reads plain text: paragraphs are separated by blank lines, and a short first line is the title.
 * There are no sections, so chunks of a text file carry no section path or anchor.
 */
public final class PlainTextDocumentParser implements DocumentParser {
    private static final int MAX_TITLE_CHARS = 120;

    /** Creates the parser. */
    public PlainTextDocumentParser() {}

    @Override
    public ParsedDocument parse(byte[] content, String fileName) {
        String text = TextContent.decode(content);
        SectionBuilder sections = new SectionBuilder();
        for (String paragraph : text.split("\\R\\s*\\R")) {
            sections.block(paragraph.strip());
        }
        List<Section> built = sections.build();
        String firstLine = text.strip().lines().findFirst().orElse("").strip();
        String title = !firstLine.isEmpty() && firstLine.length() <= MAX_TITLE_CHARS ? firstLine : fileName;
        return new ParsedDocument(title, DocumentFormat.TEXT, built);
    }
}
