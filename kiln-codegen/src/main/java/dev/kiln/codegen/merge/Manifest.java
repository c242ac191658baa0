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
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code .kiln/manifest.json} of a generated project: the Kiln version and the SHA-256 of every file
 * Kiln generated last time, which tells an untouched file from one the user edited, and which of them are
 * extension points ({@code createOnly}): files Kiln created once and never writes again.
 *
 * @param kilnVersion the Kiln version that generated the project
 * @param digests relative path to lower-case hex SHA-256, sorted by path
 * @param createOnly the paths of extension points, sorted
 */
public record Manifest(String kilnVersion, Map<String, String> digests, Set<String> createOnly) {
    /** Copies the map and set, sorted. */
    public Manifest {
        digests = Collections.unmodifiableMap(new TreeMap<>(digests));
        createOnly = Collections.unmodifiableSet(new TreeSet<>(createOnly));
    }

    /**
     * Creates a manifest without extension points.
     *
     * @param kilnVersion the Kiln version that generated the project
     * @param digests relative path to lower-case hex SHA-256
     */
    public Manifest(String kilnVersion, Map<String, String> digests) {
        this(kilnVersion, digests, Set.of());
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
            return parse(Files.readAllBytes(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new KilnException(file + " is missing, so Kiln cannot tell your edits from its own output;"
                    + " restore it from version control, or generate into a new directory");
        } catch (IOException e) {
            throw new KilnException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses a manifest's JSON, such as the one a new generation carries.
     *
     * @param json the content of a {@code .kiln/manifest.json}
     * @param label where it came from, for messages
     * @return the manifest
     * @throws KilnException if it is not a manifest
     */
    public static Manifest parse(byte[] json, String label) {
        JsonNode root;
        try {
            root = JsonMapper.shared().readTree(json);
        } catch (JacksonException e) {
            throw new KilnException("cannot read " + label + ": " + e.getMessage(), e);
        }
        JsonNode files = root.path("files");
        if (!root.path("kiln").isString() || !files.isObject()) {
            throw new KilnException(label + " is not a Kiln manifest (no \"kiln\" version or \"files\" object);"
                    + " restore it from version control");
        }
        Map<String, String> digests = new TreeMap<>();
        for (Map.Entry<String, JsonNode> entry : files.properties()) {
            digests.put(entry.getKey(), entry.getValue().asString(""));
        }
        Set<String> createOnly = new TreeSet<>();
        root.path("createOnly").forEach(path -> createOnly.add(path.asString("")));
        return new Manifest(root.path("kiln").asString(""), digests, createOnly);
    }

    /**
     * Returns whether a path is an extension point: created once by Kiln, then the user's.
     *
     * @param path a relative path
     * @return true if the manifest lists it as create-only
     */
    public boolean extensionPoint(String path) {
        return createOnly.contains(path);
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
