package dev.kiln.rag.document;

/** The parser of each {@link DocumentFormat}. */
public final class DocumentParsers {
    private static final DocumentParser HTML = new HtmlDocumentParser();
    private static final DocumentParser MARKDOWN = new MarkdownDocumentParser();
    private static final DocumentParser TEXT = new PlainTextDocumentParser();
    private static final DocumentParser PDF = new PdfDocumentParser();

    private DocumentParsers() {}

    /**
     * Returns the parser for a format; parsers are stateless and safe to share between threads.
     *
     * @param format the format
     * @return its parser
     */
    public static DocumentParser forFormat(DocumentFormat format) {
        return switch (format) {
            case HTML -> HTML;
            case MARKDOWN -> MARKDOWN;
            case TEXT -> TEXT;
            case PDF -> PDF;
        };
    }
}
