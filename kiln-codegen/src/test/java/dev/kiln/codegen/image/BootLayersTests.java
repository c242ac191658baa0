package dev.kiln.codegen.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootLayersTests {
    private static final String LAYERS_IDX = """
            - "dependencies":
              - "BOOT-INF/lib/"
            - "spring-boot-loader":
              - "org/"
            - "snapshot-dependencies":
            - "company-libraries":
              - "BOOT-INF/lib/acme-"
            - "application":
              - "BOOT-INF/classes/"
            """;

    @Test
    void readsTheLayerOrderFromTheJarsLayerIndexIncludingCustomLayers(@TempDir Path dir) throws IOException {
        Path jar = jar(dir, "BOOT-INF/layers.idx", LAYERS_IDX);

        assertThat(BootLayers.layerNames(jar))
                .containsExactly(
                        "dependencies",
                        "spring-boot-loader",
                        "snapshot-dependencies",
                        "company-libraries",
                        "application");
    }

    @Test
    void aJarWithoutLayerIndexIsNoSpringBootJar(@TempDir Path dir) throws IOException {
        Path jar = jar(dir, "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n");

        assertThatThrownBy(() -> BootLayers.layerNames(jar))
                .isInstanceOf(ImageBuildException.class)
                .hasMessageContaining("has no BOOT-INF/layers.idx");
    }

    private static Path jar(Path dir, String entry, String content) throws IOException {
        Path jar = dir.resolve("app.jar");
        try (OutputStream out = Files.newOutputStream(jar);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return jar;
    }
}
