package dev.kiln.rag.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Reads HTML with jsoup: navigation, headers, footers, scripts, forms and similar boilerplate are
 * dropped, headings {@code h1}-{@code h6} open sections, and each section's anchor is the heading's
 * {@code id} or that of the element the heading titles.
 *
 * <p>The charset comes from the byte-order mark or {@code <meta charset>}, else UTF-8.
 */
public final class HtmlDocumentParser implements DocumentParser {
    private static final String BOILERPLATE = String.join(
            ", ",
            "nav, header, footer, aside, script, style, noscript, template, iframe, svg, form, button, select",
            "[role=navigation], [role=banner], [role=contentinfo], [role=search], [aria-hidden=true], [hidden]",
            ".navheader, .navfooter, .navbar, .breadcrumb, .breadcrumbs, .sidebar, .skip-link, .skiplink",
            ".cookie-banner, .toc-sidebar, #navigation, #sidebar, #footer, #header, #breadcrumbs");

    private static final Set<String> BLOCKS = Set.of(
            "p",
            "div",
            "pre",
            "li",
            "ul",
            "ol",
            "table",
            "tr",
            "dl",
            "dt",
            "dd",
            "blockquote",
            "section",
            "article",
            "main",
            "body",
            "br",
            "hr",
            "figure",
            "figcaption",
            "caption",
            "thead",
            "tbody",
            "details",
            "summary",
            "address");

    /** Creates the parser. */
    public HtmlDocumentParser() {}

    @Override
    public ParsedDocument parse(byte[] content, String fileName) {
        TextContent.requireText(content);
        Document doc = read(content);
        Element body = doc.body();
        body.select(BOILERPLATE).remove();
        SectionBuilder sections = new SectionBuilder();
        NodeTraversor.traverse(new Walker(sections), body);
        String title = TextContent.squash(doc.title());
        if (title.isEmpty()) {
            title = sections.firstHeading().isEmpty() ? fileName : sections.firstHeading();
        }
        return new ParsedDocument(title, DocumentFormat.HTML, sections.build());
    }

    private static Document read(byte[] content) {
        try {
            return Jsoup.parse(new ByteArrayInputStream(content), null, "");
        } catch (IOException e) {
            throw new UncheckedIOException("reading HTML from memory cannot fail", e);
        }
    }

    /**
     * Finds the fragment for a heading: its own id, an {@code <a id|name>} inside it, or the id of the
     * nearest enclosing element whose first heading it is (DocBook and many generators put it there).
     */
    static String anchorOf(Element heading) {
        if (!heading.id().isEmpty()) {
            return heading.id();
        }
        Element named = heading.selectFirst("a[id], a[name]");
        if (named != null) {
            return named.id().isEmpty() ? named.attr("name") : named.id();
        }
        for (Element parent : heading.parents()) {
            if (!parent.id().isEmpty()) {
                return heading.equals(parent.selectFirst("h1, h2, h3, h4, h5, h6")) ? parent.id() : "";
            }
        }
        return "";
    }

    private static int headingLevel(Element element) {
        String tag = element.normalName();
        if (tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6') {
            return tag.charAt(1) - '0';
        }
        return 0;
    }

    /** Walks the body in document order, cutting blocks at block elements and sections at headings. */
    private static final class Walker implements NodeVisitor {
        private final SectionBuilder sections;
        private final StringBuilder block = new StringBuilder();
        private int preDepth;
        private int headingDepth;

        Walker(SectionBuilder sections) {
            this.sections = sections;
        }

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                if (headingDepth == 0) {
                    block.append(preDepth > 0 ? text.getWholeText() : text.text());
                }
            } else if (node instanceof Element element) {
                int level = headingLevel(element);
                if (level > 0) {
                    flush();
                    sections.heading(level, TextContent.squash(element.text()), anchorOf(element));
                    headingDepth++;
                } else if (isBlock(element)) {
                    flush();
                    if ("pre".equals(element.normalName())) {
                        preDepth++;
                    }
                } else if ("td".equals(element.normalName()) || "th".equals(element.normalName())) {
                    block.append(' ');
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element element) {
                if (headingLevel(element) > 0) {
                    headingDepth--;
                } else if (isBlock(element)) {
                    if ("pre".equals(element.normalName())) {
                        sections.block(block.toString().stripTrailing());
                        block.setLength(0);
                        preDepth--;
                    } else {
                        flush();
                    }
                }
            }
        }

        private static boolean isBlock(Element element) {
            return BLOCKS.contains(element.normalName().toLowerCase(Locale.ROOT));
        }

        private void flush() {
            if (preDepth > 0) {
                return;
            }
            sections.block(TextContent.squash(block.toString()));
            block.setLength(0);
        }
    }
}
