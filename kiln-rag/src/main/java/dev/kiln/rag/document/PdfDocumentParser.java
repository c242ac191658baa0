package dev.kiln.rag.document;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Reads PDF with PDFBox: each page is a section titled {@code Page N} with the anchor {@code page=N}
 * (the fragment PDF viewers open at), and paragraphs are found by PDFBox's layout analysis.
 */
public final class PdfDocumentParser implements DocumentParser {
    private static final String PARAGRAPH_END = "\n\n";

    /** Creates the parser. */
    public PdfDocumentParser() {}

    @Override
    public ParsedDocument parse(byte[] content, String fileName) {
        try (PDDocument pdf = Loader.loadPDF(content)) {
            SectionBuilder sections = new SectionBuilder();
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setParagraphEnd(PARAGRAPH_END);
            stripper.setLineSeparator(" ");
            stripper.setSortByPosition(true);
            for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                sections.heading(1, "Page " + page, "page=" + page);
                for (String paragraph : stripper.getText(pdf).split(PARAGRAPH_END)) {
                    sections.block(TextContent.squash(paragraph));
                }
            }
            return new ParsedDocument(title(pdf, fileName), DocumentFormat.PDF, sections.build());
        } catch (InvalidPasswordException e) {
            throw new UnreadableDocumentException("encrypted PDF (needs a password)", e);
        } catch (IOException e) {
            throw new UnreadableDocumentException("malformed PDF: " + e.getMessage(), e);
        }
    }

    private static String title(PDDocument pdf, String fileName) {
        PDDocumentInformation info = pdf.getDocumentInformation();
        String title =
                info == null || info.getTitle() == null ? "" : info.getTitle().strip();
        return title.isEmpty() ? fileName : title;
    }
}
