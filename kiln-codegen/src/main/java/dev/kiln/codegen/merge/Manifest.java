package dev.kiln.codegen.merge;

import dev.kiln.spec.KilnException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code .kiln/manifest.json} of a generated project: the Kiln version and the SHA-256 of every file
 * Kiln generated last time, which tells an untouched file from one the user edited.
 *
 * @param kilnVersion the Kiln version that generated the project
 * @param digests relative path to lower-case hex SHA-256, sorted by path
 */
public record Manifest(String kilnVersion, Map<String, String> digests) {
    /** Copies the map, sorted. */
    public Manifest {
        digests = Collections.unmodifiableMap(new TreeMap<>(digests));
    }

    /**
     * Reads a manifest.
     *
     * @param file the {@code .kiln/manifest.json}
     * @return the manifest
     * @throws KilnException if it is missing or not a manifest, saying how to recover
     */
    public static Manifest read(Path file) {
        try {
            JsonNode root = JsonMapper.shared().readTree(Files.readAllBytes(file));
            JsonNode files = root.path("files");
            if (!root.path("kiln").isString() || !files.isObject()) {
                throw new KilnException(file + " is not a Kiln manifest (no \"kiln\" version or \"files\" object);"
                        + " restore it from version control");
            }
            Map<String, String> digests = new TreeMap<>();
            for (Map.Entry<String, JsonNode> entry : files.properties()) {
                digests.put(entry.getKey(), entry.getValue().asString(""));
            }
            return new Manifest(root.path("kiln").asString(""), digests);
        } catch (NoSuchFileException e) {
            throw new KilnException(file + " is missing, so Kiln cannot tell your edits from its own output;"
                    + " restore it from version control, or generate into a new directory");
        } catch (IOException | JacksonException e) {
            throw new KilnException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Returns whether Kiln generated this path last time.
     *
     * @param path a relative path
     * @return true if it is in the manifest
     */
    public boolean generated(String path) {
        return digests.containsKey(path);
    }

    /**
     * Returns whether content is exactly what Kiln generated last time at this path.
     *
     * @param path a relative path
     * @param content the content
     * @return true if the digests match
     */
    public boolean matches(String path, byte[] content) {
        String digest = digests.get(path);
        return digest != null && digest.equals(sha256(content));
    }

    /**
     * Returns the SHA-256 of some bytes.
     *
     * @param bytes the content
     * @return lower-case hex
     */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
