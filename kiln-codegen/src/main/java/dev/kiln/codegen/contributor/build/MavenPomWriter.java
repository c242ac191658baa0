package dev.kiln.codegen.contributor.build;

/** Renders a {@link MavenBuild} as {@code pom.xml} text with stable formatting. */
final class MavenPomWriter {
    private MavenPomWriter() {}

    static String write(MavenBuild build) {
        StringBuilder out = new StringBuilder();
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<project xmlns=\"http://maven.apache.org/POM/4.0.0\"\n")
                .append("         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n")
                .append("         xsi:schemaLocation=\"http://maven.apache.org/POM/4.0.0 ")
                .append("https://maven.apache.org/xsd/maven-4.0.0.xsd\">\n")
                .append("    <modelVersion>4.0.0</modelVersion>\n\n")
                .append("    <parent>\n")
                .append("        <groupId>org.springframework.boot</groupId>\n")
                .append("        <artifactId>spring-boot-starter-parent</artifactId>\n")
                .append("        <version>")
                .append(build.parentVersion())
                .append("</version>\n")
                .append("        <relativePath/>\n")
                .append("    </parent>\n\n");
        element(out, 1, "groupId", build.groupId());
        element(out, 1, "artifactId", build.artifactId());
        element(out, 1, "version", MavenBuildContributor.VERSION);
        element(out, 1, "name", build.artifactId());
        element(out, 1, "description", build.description());
        out.append("\n    <properties>\n");
        build.properties().forEach((name, value) -> element(out, 2, name, value));
        out.append("    </properties>\n\n    <dependencies>\n");
        for (MavenBuild.Dependency dependency : build.dependencies()) {
            out.append("        <dependency>\n");
            element(out, 3, "groupId", dependency.groupId());
            element(out, 3, "artifactId", dependency.artifactId());
            if (dependency.version() != null) {
                element(out, 3, "version", dependency.version());
            }
            if (dependency.scope() != null) {
                element(out, 3, "scope", dependency.scope());
            }
            out.append("        </dependency>\n");
        }
        out.append("    </dependencies>\n\n    <build>\n        <plugins>\n");
        for (MavenBuild.Plugin plugin : build.plugins()) {
            out.append("            <plugin>\n");
            element(out, 4, "groupId", plugin.groupId());
            element(out, 4, "artifactId", plugin.artifactId());
            if (plugin.version() != null) {
                element(out, 4, "version", plugin.version());
            }
            out.append(plugin.body());
            out.append("            </plugin>\n");
        }
        out.append("        </plugins>\n    </build>\n</project>\n");
        return out.toString();
    }

    private static void element(StringBuilder out, int depth, String name, String value) {
        out.append("    ".repeat(depth))
                .append('<')
                .append(name)
                .append('>')
                .append(escape(value))
                .append("</")
                .append(name)
                .append(">\n");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
