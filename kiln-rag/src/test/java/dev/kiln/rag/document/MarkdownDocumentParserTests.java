package dev.kiln.rag.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.rag.TestCorpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkdownDocumentParserTests {
    private final MarkdownDocumentParser parser = new MarkdownDocumentParser();

    @Test
    void headingsOpenSectionsWithGitHubAnchorsAndFrontMatterGivesTheTitle() throws IOException {
        ParsedDocument doc =
                parser.parse(Files.readAllBytes(TestCorpus.SOURCE.resolve("guide/backup.md")), "backup.md");
        assertThat(doc.title()).isEqualTo("Backing up and restoring Orbit");
        assertThat(doc.sections())
                .extracting(Section::anchor)
                .containsExactly("backups", "scheduling-a-nightly-backup", "restoring-from-a-snapshot");
        assertThat(doc.sections().get(2).path()).containsExactly("Backups", "Restoring from a snapshot");
        assertThat(doc.sections().get(1).blocks().getFirst())
                .contains("orbit backup --to /srv/backups")
                .doesNotContain("`");
    }

    @Test
    void repeatedHeadingsGetNumberedAnchors() {
        Map<String, Integer> seen = new HashMap<>();
        assertThat(List.of(
                        MarkdownDocumentParser.uniqueSlug("Usage", seen),
                        MarkdownDocumentParser.uniqueSlug("Usage", seen),
                        MarkdownDocumentParser.uniqueSlug("What's new? (v2)", seen)))
                .containsExactly("usage", "usage-1", "whats-new-v2");
    }

    @Test
    void titleFallsBackToTheFirstHeading() {
        byte[] md = "intro line\n\n# Real title\n\nbody".getBytes(StandardCharsets.UTF_8);
        assertThat(parser.parse(md, "x.md").title()).isEqualTo("Real title");
    }
}
