package dev.kiln.rag.document;

/**
 * Turns the bytes of one file of a known format into a {@link ParsedDocument}.
 *
 * <p>{@link DocumentParsers#forFormat(DocumentFormat)} picks the implementation for a format.
 */
public interface DocumentParser {
    /**
     * Parses a file's content.
     *
     * @param content the file's bytes
     * @param fileName the file's name, the title of last resort
     * @return the document; it may be {@linkplain ParsedDocument#isEmpty() empty}
     * @throws UnreadableDocumentException when the content is not of this parser's format
     */
    ParsedDocument parse(byte[] content, String fileName);
}
