package dev.kiln.codegen.spi;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The files of a project under construction, keyed by relative path with forward slashes.
 *
 * <p>Adding a path twice is a bug in a contributor and fails fast. Files added as extension points
 * ({@link #addExtensionPoint}) are created once and then belong to the user: regeneration never updates,
 * merges or deletes them.
 */
public final class ProjectFiles {
    private static final String INDENT = "    ";

    private final SortedMap<String, byte[]> files = new TreeMap<>();
    private final SortedSet<String> extensionPoints = new TreeSet<>();

    /**
     * Adds a text file, encoded as UTF-8.
     *
     * @param path relative path such as {@code src/main/resources/application.yaml}
     * @param text the content
     */
    public void addText(String path, String text) {
        addBytes(path, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Adds a file as raw bytes.
     *
     * @param path relative path
     * @param bytes the content
     */
    public void addBytes(String path, byte[] bytes) {
        if (path.startsWith("/") || path.contains("..") || path.contains("\\")) {
            throw new IllegalArgumentException("not a relative project path: " + path);
        }
        if (files.putIfAbsent(path, bytes.clone()) != null) {
            throw new IllegalStateException("two contributors wrote " + path);
        }
    }

    /**
     * Adds a main source file.
     *
     * @param packageName the package
     * @param type the type
     */
    public void addMainJava(String packageName, TypeSpec type) {
        addJava("src/main/java/", packageName, type);
    }

    /**
     * Adds a test source file.
     *
     * @param packageName the package
     * @param type the type
     */
    public void addTestJava(String packageName, TypeSpec type) {
        addJava("src/test/java/", packageName, type);
    }

    /**
     * Adds a main source file that Kiln creates once and never writes again (an extension point for the
     * user's code); the {@code .kiln/} manifest lists it as create-only.
     *
     * @param packageName the package
     * @param type the type
     */
    public void addExtensionPoint(String packageName, TypeSpec type) {
        extensionPoints.add(addJava("src/main/java/", packageName, type));
    }

    /**
     * Returns the paths added as extension points.
     *
     * @return the paths, sorted
     */
    public SortedSet<String> extensionPoints() {
        return Collections.unmodifiableSortedSet(extensionPoints);
    }

    private String addJava(String root, String packageName, TypeSpec type) {
        JavaFile file = JavaFile.builder(packageName, type)
                .indent(INDENT)
                .skipJavaLangImports(true)
                .build();
        String path = root + packageName.replace('.', '/') + "/" + type.name() + ".java";
        addText(path, file.toString());
        return path;
    }

    /**
     * Returns a read-only view of the files so far.
     *
     * @return path to content, sorted by path
     */
    public SortedMap<String, byte[]> view() {
        return Collections.unmodifiableSortedMap(files);
    }
}
