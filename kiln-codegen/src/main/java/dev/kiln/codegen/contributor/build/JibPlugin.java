package dev.kiln.codegen.contributor.build;

import dev.kiln.codegen.model.ServiceModel;

/**
 * The Jib Maven plugin of a generated project: {@code ./mvnw package jib:buildTar} writes an OCI image
 * tarball, {@code target/jib-image.tar}, without a Docker engine.
 *
 * <p>The image is reproducible: Jib sorts its layers, dates the image at the epoch and every file one
 * second after it, so the same classes on the same base image give the same digest. The classes come
 * from {@code target/classes}, which holds the Spring AOT classes of the {@code process-aot} goal too;
 * that is why {@code package} must run before {@code jib:buildTar}.
 */
final class JibPlugin {
    /** The Jib Maven plugin version; it resolves from Maven Central. */
    static final String VERSION = "3.5.2";

    /** The depth of {@code <configuration>} inside {@code <plugin>} in the rendered POM. */
    private static final int DEPTH = 4;

    private JibPlugin() {}

    static MavenBuild.Plugin of(ServiceModel model) {
        StringBuilder xml = new StringBuilder();
        line(xml, 0, "<configuration>");
        line(xml, 1, "<from>");
        element(xml, 2, "image", ContainerImage.BASE_IMAGE);
        line(xml, 1, "</from>");
        line(xml, 1, "<to>");
        element(xml, 2, "image", "${project.artifactId}:${project.version}");
        line(xml, 1, "</to>");
        line(xml, 1, "<container>");
        element(xml, 2, "format", "OCI");
        element(xml, 2, "user", ContainerImage.user());
        element(xml, 2, "mainClass", model.basePackage() + "." + model.applicationName());
        line(xml, 2, "<jvmFlags>");
        ContainerImage.jvmFlags().forEach(flag -> element(xml, 3, "jvmFlag", flag));
        line(xml, 2, "</jvmFlags>");
        line(xml, 2, "<ports>");
        element(xml, 3, "port", Integer.toString(ContainerImage.PORT));
        line(xml, 2, "</ports>");
        line(xml, 2, "<environment>");
        // The dev profile, the default, binds 127.0.0.1, which nothing outside the container reaches.
        element(xml, 3, "SERVER_ADDRESS", "0.0.0.0");
        line(xml, 2, "</environment>");
        line(xml, 2, "<labels>");
        element(xml, 3, "org.opencontainers.image.title", "${project.artifactId}");
        element(xml, 3, "org.opencontainers.image.description", "${project.description}");
        element(xml, 3, "org.opencontainers.image.version", "${project.version}");
        element(xml, 3, "org.opencontainers.image.base.name", ContainerImage.BASE_IMAGE);
        line(xml, 2, "</labels>");
        element(xml, 2, "creationTime", "EPOCH");
        element(xml, 2, "filesModificationTime", "EPOCH_PLUS_SECOND");
        line(xml, 1, "</container>");
        line(xml, 1, "<outputPaths>");
        element(xml, 2, "tar", "${project.build.directory}/jib-image.tar");
        line(xml, 1, "</outputPaths>");
        line(xml, 0, "</configuration>");
        return new MavenBuild.Plugin(
                "com.google.cloud.tools", "jib-maven-plugin", "${jib-maven-plugin.version}", xml.toString());
    }

    private static void element(StringBuilder xml, int depth, String name, String value) {
        line(xml, depth, "<" + name + ">" + value + "</" + name + ">");
    }

    private static void line(StringBuilder xml, int depth, String text) {
        xml.append("    ".repeat(DEPTH + depth)).append(text).append('\n');
    }
}
