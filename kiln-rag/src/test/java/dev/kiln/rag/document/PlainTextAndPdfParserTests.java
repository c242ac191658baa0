package dev.kiln.rag.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

class PlainTextAndPdfParserTests {
    @Test
    void plainTextSplitsParagraphsAtBlankLinesAndTakesAShortFirstLineAsTitle() {
        byte[] text = "Orbit notes\n\nfirst paragraph\nstill first\n\n\nsecond".getBytes(StandardCharsets.UTF_8);
        ParsedDocument doc = new PlainTextDocumentParser().parse(text, "notes.txt");
        assertThat(doc.title()).isEqualTo("Orbit notes");
        assertThat(doc.sections()).singleElement().satisfies(s -> {
            assertThat(s.path()).isEmpty();
            assertThat(s.blocks()).containsExactly("Orbit notes", "first paragraph\nstill first", "second");
        });
    }

    @Test
    void plainTextInLatin1IsDecodedRatherThanRejected() {
        byte[] latin1 = "Caf\u00e9 cr\u00e8me".getBytes(StandardCharsets.ISO_8859_1);
        ParsedDocument doc = new PlainTextDocumentParser().parse(latin1, "menu.txt");
        assertThat(doc.title()).isEqualTo("Caf\u00e9 cr\u00e8me");
    }

    @Test
    void pdfPagesBecomeSectionsWithPageAnchors() throws IOException {
        ParsedDocument doc = new PdfDocumentParser()
                .parse(
                        pdf("Orbit handbook", "The broker listens on port 7400.", "Backups run at night."),
                        "handbook.pdf");
        assertThat(doc.title()).isEqualTo("Orbit handbook");
        assertThat(doc.sections()).hasSize(2);
        assertThat(doc.sections().get(1).anchor()).isEqualTo("page=2");
        assertThat(doc.sections().get(1).path()).containsExactly("Page 2");
        assertThat(String.join(" ", doc.sections().get(0).blocks())).contains("listens on port 7400");
    }

    @Test
    void malformedPdfIsUnreadable() {
        byte[] broken = "%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> new PdfDocumentParser().parse(broken, "broken.pdf"))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessageContaining("malformed PDF");
    }

    /** Writes a PDF with a title and one line of text per page. */
    static byte[] pdf(String title, String... pages) throws IOException {
        try (PDDocument pdf = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            pdf.getDocumentInformation().setTitle(title);
            for (String line : pages) {
                PDPage page = new PDPage();
                pdf.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    content.newLineAtOffset(72, 700);
                    content.showText(line);
                    content.endText();
                }
            }
            pdf.save(out);
            return out.toByteArray();
        }
    }
}
