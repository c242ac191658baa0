package dev.kiln.rag.document;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Reads Markdown (CommonMark): each heading opens a section whose anchor is the slug GitHub gives it,
 * YAML front matter is dropped (its {@code title:} is used), and blocks are rendered as plain text.
 */
public final class MarkdownDocumentParser implements DocumentParser {
    private static final Pattern FRONT_MATTER = Pattern.compile("\\A---\\R(.*?)\\R---\\R", Pattern.DOTALL);
    private static final Pattern FRONT_TITLE = Pattern.compile("(?m)^title:\\s*[\"']?(.*?)[\"']?\\s*$");

    private final Parser parser = Parser.builder().build();
    private final TextContentRenderer renderer = TextContentRenderer.builder().build();

    /** Creates the parser. */
    public MarkdownDocumentParser() {}

    @Override
    public ParsedDocument parse(byte[] content, String fileName) {
        String text = TextContent.decode(content);
        String title = "";
        Matcher front = FRONT_MATTER.matcher(text);
        if (front.find()) {
            Matcher frontTitle = FRONT_TITLE.matcher(front.group(1));
            title = frontTitle.find() ? frontTitle.group(1).strip() : "";
            text = text.substring(front.end());
        }
        SectionBuilder sections = new SectionBuilder();
        Map<String, Integer> slugs = new HashMap<>();
        for (Node node = parser.parse(text).getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading heading) {
                String headingText = TextContent.squash(renderer.render(heading));
                sections.heading(heading.getLevel(), headingText, uniqueSlug(headingText, slugs));
            } else {
                sections.block(renderer.render(node));
            }
        }
        if (title.isEmpty()) {
            title = sections.firstHeading().isEmpty() ? fileName : sections.firstHeading();
        }
        return new ParsedDocument(title, DocumentFormat.MARKDOWN, sections.build());
    }

    /**
     * Makes the anchor GitHub renders for a heading: lower case, punctuation dropped, spaces to hyphens,
     * and {@code -1}, {@code -2}, ... for repeats.
     */
    static String uniqueSlug(String heading, Map<String, Integer> seen) {
        String slug = heading.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}\\s_-]", "")
                .strip()
                .replace(' ', '-');
        int count = seen.merge(slug, 1, Integer::sum);
        return count == 1 ? slug : slug + "-" + (count - 1);
    }
}
