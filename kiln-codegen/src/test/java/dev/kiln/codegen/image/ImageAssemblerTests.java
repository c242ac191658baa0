package dev.kiln.codegen.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.tools.jib.api.JibContainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ImageAssemblerTests {
    @TempDir
    Path dir;

    @Test
    void sameInputsGiveTheSameDigestWhereverAndWheneverTheyAreBuilt() throws IOException {
        Built first = build("first", "code v1", false);
        Built second = build("second", "code v1", false);

        assertThat(second.container.getImageId()).isEqualTo(first.container.getImageId());
        assertThat(second.container.getDigest()).isEqualTo(first.container.getDigest());
        assertThat(Files.readAllBytes(second.tarball)).isEqualTo(Files.readAllBytes(first.tarball));
    }

    @Test
    void aCodeChangeOnlyChangesTheLastLayer() throws IOException {
        List<ImageTarball.LayerBlob> before = build("before", "code v1", false).layers();
        List<ImageTarball.LayerBlob> after = build("after", "code v2", false).layers();

        assertThat(after).hasSize(4);
        assertThat(after.subList(0, 3)).isEqualTo(before.subList(0, 3));
        assertThat(after.get(3).hash()).isNotEqualTo(before.get(3).hash());
    }

    @Test
    void configRunsTheServiceAsTheUnprivilegedUserWithItsSettings() throws IOException {
        JsonNode image =
                TarballContents.read(build("config", "code", false).tarball).config();
        JsonNode config = image.get("config");

        assertThat(image.get("architecture").asString()).isEqualTo("amd64");
        assertThat(image.get("os").asString()).isEqualTo("linux");
        assertThat(image.get("created").asString()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(config.get("User").asString()).isEqualTo("65532:65532");
        assertThat(config.get("WorkingDir").asString()).isEqualTo("/app");
        assertThat(config.get("Entrypoint").toString()).contains("\"/opt/java/bin/java\"", "\"/app/app.jar\"");
        assertThat(config.get("Env").toString()).contains("SERVER_ADDRESS=0.0.0.0");
        assertThat(config.get("ExposedPorts").has("8080/tcp")).isTrue();
        assertThat(config.get("Labels").get("org.opencontainers.image.title").asString())
                .isEqualTo("tiny");
    }

    @Test
    void layersHoldTheFilesWithFixedTimesOwnersAndPermissions() throws IOException {
        Built built = build("layers", "code", false);
        TarballContents contents = TarballContents.read(built.tarball);
        Map<String, TarArchiveEntry> system =
                contents.layer(built.layers().get(0).hash());
        Map<String, TarArchiveEntry> runtime =
                contents.layer(built.layers().get(1).hash());
        Map<String, TarArchiveEntry> app = contents.layer(built.layers().get(3).hash());

        assertThat(mode(system, "etc/passwd")).isEqualTo(0644);
        assertThat(mode(system, "tmp/")).isEqualTo(0777);
        assertThat(entry(system, "home/nonroot/").getLongUserId()).isEqualTo(65532);
        assertThat(entry(system, "etc/passwd").getLongUserId()).isZero();
        assertThat(system).containsKey(libcPath());
        assertThat(mode(system, libcPath())).isEqualTo(0755);
        assertThat(mode(runtime, "opt/java/bin/java")).isEqualTo(0755);
        assertThat(mode(runtime, "opt/java/lib/modules")).isEqualTo(0644);
        assertThat(app).containsKey("app/app.jar");
        assertThat(runtime.values().stream().filter(entry -> !entry.isDirectory()))
                .allSatisfy(entry -> assertThat(entry.getModTime().toInstant()).isEqualTo(ImageFixture.CREATED));
    }

    @Test
    void ociLayoutCarriesTheSameLayers() throws IOException {
        List<ImageTarball.LayerBlob> docker = build("docker", "code", false).layers();
        List<ImageTarball.LayerBlob> oci = build("oci", "code", true).layers();

        assertThat(oci).isEqualTo(docker);
    }

    private static int mode(Map<String, TarArchiveEntry> layer, String name) {
        return entry(layer, name).getMode() & 07777;
    }

    private static TarArchiveEntry entry(Map<String, TarArchiveEntry> layer, String name) {
        return Objects.requireNonNull(layer.get(name), () -> name + " is not in the layer: " + layer.keySet());
    }

    private String libcPath() {
        return dir.resolve("host/libc.so.6").toString().substring(1);
    }

    private Built build(String name, String appCode, boolean oci) throws IOException {
        Path root = dir.resolve(name);
        ImageFixture fixture = ImageFixture.write(root, dir.resolve("host"), appCode);
        try (var files = Files.walk(root)) {
            for (Path file : files.toList()) {
                Files.setLastModifiedTime(file, FileTime.fromMillis(name.hashCode() & 0xffffffL));
            }
        }
        Path tarball = root.resolve("image.tar");
        JibContainer container = new ImageAssembler(root.resolve("jib-cache"))
                .assemble(
                        ImageFixture.config(oci),
                        new LayerPlanner(ImageFixture.CREATED).plan(fixture.system, fixture.runtime, fixture.app),
                        tarball);
        return new Built(container, tarball);
    }

    private record Built(JibContainer container, Path tarball) {
        List<ImageTarball.LayerBlob> layers() {
            return ImageTarball.read(tarball).layers();
        }
    }
}
