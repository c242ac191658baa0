package dev.kiln.rag.document;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Decoding of text files: UTF-8 (with or without BOM), Latin-1 as a fallback, binary rejected. */
final class TextContent {
    private static final int SNIFF_BYTES = 8192;

    private TextContent() {}

    /**
     * Rejects content that is binary: a NUL byte in its first 8 KiB.
     *
     * @param content the bytes
     * @throws UnreadableDocumentException when the content looks binary
     */
    static void requireText(byte[] content) {
        int end = Math.min(content.length, SNIFF_BYTES);
        for (int i = 0; i < end; i++) {
            if (content[i] == 0) {
                throw new UnreadableDocumentException("binary content (a NUL byte at offset " + i + ")");
            }
        }
    }

    /**
     * Decodes text content.
     *
     * @param content the bytes
     * @return the text, without a byte-order mark
     * @throws UnreadableDocumentException when the content looks binary
     */
    static String decode(byte[] content) {
        requireText(content);
        int start = content.length >= 3
                        && content[0] == (byte) 0xEF
                        && content[1] == (byte) 0xBB
                        && content[2] == (byte) 0xBF
                ? 3
                : 0;
        ByteBuffer bytes = ByteBuffer.wrap(content, start, content.length - start);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            // Older text files are often Latin-1; every byte sequence decodes as Latin-1.
            return new String(content, start, content.length - start, StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * Collapses runs of whitespace into single spaces and trims.
     *
     * @param text the text
     * @return the normalized text
     */
    static String squash(String text) {
        return text.replaceAll("[\\s\\u00A0]+", " ").strip();
    }
}
