package dev.kiln.codegen.contributor.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.codegen.GeneratedProject;
import dev.kiln.codegen.TestSpecs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** Reads the generated {@code pom.xml} as XML and checks the Jib configuration it carries. */
class JibPluginTests {
    private static final GeneratedProject BLOG = TestSpecs.generate(TestSpecs.blog());
    private static final Document POM = parse(BLOG.bytes("pom.xml"));
    private static final Element JIB = plugin(POM, "jib-maven-plugin");

    private static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new AssertionError("the generated pom.xml is not well-formed XML", e);
        }
    }

    private static Element plugin(Document pom, String artifactId) {
        return children(pom.getDocumentElement(), "build", "plugins", "plugin").stream()
                .filter(plugin -> text(plugin, "artifactId").equals(artifactId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the pom has no " + artifactId));
    }

    @Test
    void thePluginVersionIsTheCheckedOneAndAPropertyOfThePom() {
        assertThat(text(JIB, "groupId")).isEqualTo("com.google.cloud.tools");
        assertThat(text(JIB, "version")).isEqualTo("${jib-maven-plugin.version}");
        assertThat(text(POM.getDocumentElement(), "properties", "jib-maven-plugin.version"))
                .isEqualTo("3.5.2");
    }

    @Test
    void theImageIsAReproducibleOciImageOnAJava21Runtime() {
        assertThat(text(JIB, "configuration", "from", "image")).isEqualTo("eclipse-temurin:21-jre");
        assertThat(text(JIB, "configuration", "to", "image")).isEqualTo("${project.artifactId}:${project.version}");
        assertThat(text(JIB, "configuration", "container", "format")).isEqualTo("OCI");
        assertThat(text(JIB, "configuration", "container", "creationTime")).isEqualTo("EPOCH");
        assertThat(text(JIB, "configuration", "container", "filesModificationTime"))
                .isEqualTo("EPOCH_PLUS_SECOND");
        assertThat(text(JIB, "configuration", "outputPaths", "tar"))
                .isEqualTo("${project.build.directory}/jib-image.tar");
    }

    @Test
    void theServiceRunsAsANumericNonRootUserOnItsPort() {
        String user = text(JIB, "configuration", "container", "user");

        assertThat(user).matches("[1-9][0-9]*:[1-9][0-9]*").isEqualTo(ContainerImage.user());
        assertThat(values(JIB, "configuration", "container", "ports", "port")).containsExactly("8080");
        assertThat(text(JIB, "configuration", "container", "environment", "SERVER_ADDRESS"))
                .isEqualTo("0.0.0.0");
        assertThat(text(JIB, "configuration", "container", "labels", "org.opencontainers.image.title"))
                .isEqualTo("${project.artifactId}");
    }

    @Test
    void theMainClassIsTheGeneratedApplication() {
        String mainClass = text(JIB, "configuration", "container", "mainClass");

        assertThat(BLOG.contains("src/main/java/" + mainClass.replace('.', '/') + ".java"))
                .isTrue();
    }

    @Test
    void theJvmFlagsKeepTheChoicesOfRunShAndSizeTheHeapByTheContainerLimit() {
        List<String> flags = values(JIB, "configuration", "container", "jvmFlags", "jvmFlag");
        String runSh = BLOG.text("run.sh");

        assertThat(flags).containsExactlyElementsOf(ContainerImage.jvmFlags());
        for (String kept : List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dspring.aot.enabled=true")) {
            assertThat(flags).contains(kept);
            assertThat(runSh).contains(kept);
        }
        assertThat(flags)
                .noneMatch(flag -> flag.startsWith("-Xmx"))
                .anyMatch(flag -> flag.startsWith("-XX:MaxRAMPercentage="));
        assertThat(BLOG.text("pom.xml")).contains("<goal>process-aot</goal>");
    }

    private static List<Element> children(Element parent, String... path) {
        List<Element> current = List.of(parent);
        for (String name : path) {
            List<Element> next = new ArrayList<>();
            for (Element element : current) {
                NodeList nodes = element.getChildNodes();
                for (int i = 0; i < nodes.getLength(); i++) {
                    Node node = nodes.item(i);
                    if (node instanceof Element child && child.getTagName().equals(name)) {
                        next.add(child);
                    }
                }
            }
            current = next;
        }
        return current;
    }

    private static List<String> values(Element parent, String... path) {
        return children(parent, path).stream().map(Element::getTextContent).toList();
    }

    private static String text(Element parent, String... path) {
        List<String> values = values(parent, path);
        assertThat(values).as(String.join("/", path)).hasSize(1);
        return values.get(0);
    }
}
