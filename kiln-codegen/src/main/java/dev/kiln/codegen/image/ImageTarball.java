package dev.kiln.codegen.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads back an image tarball that Jib wrote, in Docker's layout ({@code manifest.json} naming
 * {@code <hash>.tar.gz} layers) or OCI's ({@code index.json} pointing at a manifest in {@code blobs/sha256}).
 *
 * @param layers the layers' digests and compressed sizes, in image order
 */
record ImageTarball(List<LayerBlob> layers) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    ImageTarball {
        layers = List.copyOf(layers);
    }

    /**
     * Reads a tarball.
     *
     * @param tarball the file
     * @return its layers
     */
    static ImageTarball read(Path tarball) {
        Map<String, Long> sizes = new HashMap<>();
        Map<String, byte[]> metadata = new HashMap<>();
        try (InputStream in = Files.newInputStream(tarball);
                TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                sizes.put(entry.getName(), entry.getSize());
                if (entry.getSize() < (1 << 20) && !entry.getName().endsWith(".tar.gz")) {
                    metadata.put(entry.getName(), tar.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the image tarball " + tarball, e);
        }
        return metadata.containsKey("index.json") ? oci(sizes, metadata) : docker(sizes, metadata);
    }

    private static ImageTarball docker(Map<String, Long> sizes, Map<String, byte[]> metadata) {
        List<LayerBlob> layers = new ArrayList<>();
        for (JsonNode name : json(metadata, "manifest.json").get(0).get("Layers")) {
            String file = name.asString();
            layers.add(new LayerBlob(file.substring(0, file.indexOf('.')), sizes.getOrDefault(file, 0L)));
        }
        return new ImageTarball(layers);
    }

    private static ImageTarball oci(Map<String, Long> sizes, Map<String, byte[]> metadata) {
        String manifest = json(metadata, "index.json")
                .get("manifests")
                .get(0)
                .get("digest")
                .asString();
        List<LayerBlob> layers = new ArrayList<>();
        for (JsonNode layer : json(metadata, blob(manifest)).get("layers")) {
            String digest = layer.get("digest").asString();
            layers.add(new LayerBlob(digest.substring(digest.indexOf(':') + 1), sizes.getOrDefault(blob(digest), 0L)));
        }
        return new ImageTarball(layers);
    }

    private static String blob(String digest) {
        return "blobs/sha256/" + digest.substring(digest.indexOf(':') + 1);
    }

    private static JsonNode json(Map<String, byte[]> metadata, String name) {
        byte[] bytes = metadata.get(name);
        if (bytes == null) {
            throw new IllegalStateException("the image tarball has no " + name);
        }
        return JSON.readTree(bytes);
    }

    /**
     * One layer.
     *
     * @param hash the SHA-256 of the compressed layer, in hex
     * @param size the compressed size in bytes
     */
    record LayerBlob(String hash, long size) {}
}
