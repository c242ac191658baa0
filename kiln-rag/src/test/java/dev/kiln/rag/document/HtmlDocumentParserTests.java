package dev.kiln.rag.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.rag.TestCorpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlDocumentParserTests {
    private final HtmlDocumentParser parser = new HtmlDocumentParser();

    private ParsedDocument install() throws IOException {
        return parser.parse(Files.readAllBytes(TestCorpus.SOURCE.resolve("guide/install.html")), "install.html");
    }

    @Test
    void dropsNavigationHeadersFootersAndScripts() throws IOException {
        String all = String.join(
                "\n",
                install().sections().stream().flatMap(s -> s.blocks().stream()).toList());
        assertThat(all)
                .contains("message broker for small teams")
                .doesNotContain("Docs menu entry", "Pricing", "Privacy policy", "analytics-snippet", "Prev");
    }

    @Test
    void sectionsCarryTheirHeadingPathAndTheIdOfTheElementTheyTitle() throws IOException {
        ParsedDocument doc = install();
        assertThat(doc.title()).isEqualTo("Installing the Orbit server");
        assertThat(doc.format()).isEqualTo(DocumentFormat.HTML);
        assertThat(doc.sections())
                .extracting(Section::path, Section::anchor)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(List.of("1. Installing the Orbit server"), "installation"),
                        org.assertj.core.groups.Tuple.tuple(
                                List.of("1. Installing the Orbit server", "1.1. Requirements"), "install-requirements"),
                        org.assertj.core.groups.Tuple.tuple(
                                List.of("1. Installing the Orbit server", "1.2. Installing from the package"),
                                "install-package"),
                        org.assertj.core.groups.Tuple.tuple(
                                List.of(
                                        "1. Installing the Orbit server",
                                        "1.2. Installing from the package",
                                        "1.2.1. Checking the installation"),
                                "install-verify"));
    }

    @Test
    void keepsListItemsAsBlocksAndCodeWithItsLineBreaks() throws IOException {
        ParsedDocument doc = install();
        assertThat(doc.sections().get(1).blocks()).contains("Java 21 runtime", "An open TCP port, 7400 by default");
        assertThat(doc.sections().get(2).blocks())
                .contains("sudo dpkg -i orbit-server_3.2.deb\nsudo systemctl enable --now orbit");
    }

    @Test
    void titleFallsBackToTheFirstHeadingThenTheFileName() {
        byte[] noTitle = "<html><body><h2>Only heading</h2><p>text</p></body></html>".getBytes(StandardCharsets.UTF_8);
        assertThat(parser.parse(noTitle, "a.html").title()).isEqualTo("Only heading");
        byte[] bare = "<p>just text</p>".getBytes(StandardCharsets.UTF_8);
        assertThat(parser.parse(bare, "b.html").title()).isEqualTo("b.html");
    }

    @Test
    void rejectsBinaryContent() {
        byte[] binary = {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13};
        assertThatThrownBy(() -> parser.parse(binary, "image.html"))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessageContaining("binary");
    }

    @Test
    void toleratesMalformedMarkup() {
        byte[] broken = "<html><body><h1>Broken</h2><p>unclosed <b>bold <div>text</span></table>"
                .getBytes(StandardCharsets.UTF_8);
        ParsedDocument doc = parser.parse(broken, "broken.html");
        assertThat(doc.sections()).singleElement().satisfies(s -> {
            assertThat(s.path()).containsExactly("Broken");
            assertThat(s.blocks()).containsExactly("unclosed bold", "text");
        });
    }
}
