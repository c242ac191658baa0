package dev.kiln.codegen.contributor.deploy;

import static dev.kiln.codegen.contributor.deploy.Yaml.node;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

class YamlTests {
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    /** Reads a flat mapping back as strings, the way a YAML reader sees the rendered text. */
    private static Map<String, String> readBack(String yaml) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : YAML.readTree(yaml).properties()) {
            values.put(entry.getKey(), entry.getValue().asString());
        }
        return values;
    }

    @Test
    void stringsThatYamlOneOneOrOneTwoWouldReadAsAnotherTypeAreQuoted() {
        List<String> tricky = List.of(
                "10", "1.5", "0x1F", "017", "1_000", ".5", "-.inf", ".nan", "1e3", "0.0.0.0", "512Mi", "true", "yes",
                "no", "on", "off", "y", "n", "null", "~", "");
        Yaml.Node data = node();
        tricky.forEach(value -> data.with("K" + data.size(), value));

        String yaml = Yaml.write("", data);

        for (int i = 0; i < tricky.size(); i++) {
            assertThat(yaml).contains("K" + i + ": \"" + tricky.get(i) + "\"\n");
        }
    }

    @Test
    void plainStringsNumbersAndBooleansStayPlainAndListsAreIndented() {
        String yaml = Yaml.write(
                "first line\n\nthird line",
                node().with("url", "jdbc:postgresql://db:5432/x")
                        .with("port", 8080)
                        .with("enabled", false)
                        .with("items", List.of(node().with("name", "a"))));

        assertThat(yaml).isEqualTo("""
                        # first line
                        #
                        # third line
                        url: jdbc:postgresql://db:5432/x
                        port: 8080
                        enabled: false
                        items:
                          - name: a
                        """);
    }

    @Test
    void valuesWithYamlSyntaxInThemAreQuotedSoTheyReadBackUnchanged() {
        String yaml = Yaml.write(
                "", node().with("a", "x: y").with("b", "# not a comment").with("c", "a\nb"));

        assertThat(yaml).doesNotContain("a: x: y").doesNotContain("b: # not");
        assertThat(readBack(yaml))
                .containsEntry("a", "x: y")
                .containsEntry("b", "# not a comment")
                .containsEntry("c", "a\nb");
    }
}
