package dev.kiln.codegen;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A generated project as data: relative paths and their bytes, sorted by path.
 *
 * <p>Nothing is on disk yet; {@link dev.kiln.codegen.writer.ProjectWriter} writes it. Two projects
 * generated from equal specs are equal byte for byte.
 */
public final class GeneratedProject {
    private final SortedMap<String, byte[]> files;

    /**
     * Creates a project from its files.
     *
     * @param files relative path to content
     */
    public GeneratedProject(Map<String, byte[]> files) {
        TreeMap<String, byte[]> copy = new TreeMap<>();
        files.forEach((path, bytes) -> copy.put(path, bytes.clone()));
        this.files = copy;
    }

    /**
     * Returns the relative paths, sorted.
     *
     * @return the paths
     */
    public Iterable<String> paths() {
        return files.keySet();
    }

    /**
     * Returns how many files the project has.
     *
     * @return the file count
     */
    public int size() {
        return files.size();
    }

    /**
     * Returns a file's bytes.
     *
     * @param path a relative path
     * @return a copy of the content
     * @throws IllegalArgumentException if there is no such file
     */
    public byte[] bytes(String path) {
        byte[] bytes = files.get(path);
        if (bytes == null) {
            throw new IllegalArgumentException("no generated file " + path);
        }
        return bytes.clone();
    }

    /**
     * Returns a file's text.
     *
     * @param path a relative path
     * @return the content decoded as UTF-8
     */
    public String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    /**
     * Returns whether the project has a file.
     *
     * @param path a relative path
     * @return true if generated
     */
    public boolean contains(String path) {
        return files.containsKey(path);
    }

    /**
     * Returns a copy of this project with one more file, for files that come from outside the spec, such
     * as the {@code kiln.yaml} that {@code kiln new} writes beside the code.
     *
     * @param path a relative path not yet in the project
     * @param bytes the content
     * @return the new project
     * @throws IllegalArgumentException if the path is already taken
     */
    public GeneratedProject with(String path, byte[] bytes) {
        if (files.containsKey(path)) {
            throw new IllegalArgumentException("the project already has " + path);
        }
        TreeMap<String, byte[]> copy = new TreeMap<>(files);
        copy.put(path, bytes);
        return new GeneratedProject(copy);
    }

    /**
     * Returns a copy of this project without one file, or this project when it has no such file.
     *
     * @param path a relative path
     * @return the new project
     */
    public GeneratedProject without(String path) {
        if (!files.containsKey(path)) {
            return this;
        }
        TreeMap<String, byte[]> copy = new TreeMap<>(files);
        copy.remove(path);
        return new GeneratedProject(copy);
    }

    /**
     * Returns a SHA-256 digest over every path and its content, a fingerprint of the whole output.
     *
     * @return lower-case hex digest
     */
    public String digest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            files.forEach((path, bytes) -> {
                sha.update(path.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(bytes);
                sha.update((byte) 0);
            });
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
