package dev.kiln.rag.document;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The formats Kiln reads, recognised by file extension. */
public enum DocumentFormat {
    /** HTML, {@code .html} or {@code .htm}. */
    HTML("html"),
    /** Markdown, {@code .md} or {@code .markdown}. */
    MARKDOWN("markdown"),
    /** Plain text, {@code .txt} or {@code .text}. */
    TEXT("text"),
    /** PDF, {@code .pdf}. */
    PDF("pdf");

    private final String id;

    DocumentFormat(String id) {
        this.id = id;
    }

    /**
     * Returns the lower-case name stored with chunks and used in filters.
     *
     * @return {@code html}, {@code markdown}, {@code text} or {@code pdf}
     */
    public String id() {
        return id;
    }

    /**
     * Finds the format of a file from its extension.
     *
     * @param file the file
     * @return its format, or empty when Kiln does not read files with that extension
     */
    public static Optional<DocumentFormat> of(Path file) {
        Path fileName = file.getFileName();
        String name = fileName == null ? "" : fileName.toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return switch (dot < 0 ? "" : name.substring(dot + 1)) {
            case "html", "htm", "xhtml" -> Optional.of(HTML);
            case "md", "markdown" -> Optional.of(MARKDOWN);
            case "txt", "text" -> Optional.of(TEXT);
            case "pdf" -> Optional.of(PDF);
            default -> Optional.empty();
        };
    }

    /**
     * Finds a format by its {@link #id()}.
     *
     * @param id the id
     * @return the format
     * @throws IllegalArgumentException when no format has that id
     */
    public static DocumentFormat ofId(String id) {
        for (DocumentFormat format : values()) {
            if (format.id.equals(id)) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown document type '" + id + "'; expected html, markdown, text or pdf");
    }
}
