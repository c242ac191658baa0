package dev.kiln.codegen.image;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads an image tarball and its layers back, for assertions on what an image really contains. */
final class TarballContents {
    private final Map<String, byte[]> entries;

    private TarballContents(Map<String, byte[]> entries) {
        this.entries = entries;
    }

    static TarballContents read(Path tarball) throws IOException {
        try (InputStream in = Files.newInputStream(tarball)) {
            return new TarballContents(entries(in));
        }
    }

    /** The Docker-layout image configuration. */
    JsonNode config() {
        return JsonMapper.builder().build().readTree(entries.get("config.json"));
    }

    /** The files of a layer, by path, with their tar headers. */
    Map<String, TarArchiveEntry> layer(String hash) throws IOException {
        byte[] gzipped = entries.get(hash + ".tar.gz");
        Map<String, TarArchiveEntry> files = new LinkedHashMap<>();
        try (TarArchiveInputStream tar =
                new TarArchiveInputStream(new GZIPInputStream(new ByteArrayInputStream(gzipped)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                files.put(entry.getName(), entry);
            }
        }
        return files;
    }

    private static Map<String, byte[]> entries(InputStream in) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                entries.put(entry.getName(), tar.readAllBytes());
            }
        }
        return entries;
    }
}
