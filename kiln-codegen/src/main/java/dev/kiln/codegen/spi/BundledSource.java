package dev.kiln.codegen.spi;

import dev.kiln.spec.KilnException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Java source shipped with Kiln for code that is the same in every generated service, moved into the
 * service's package on the way out.
 *
 * <p>Sources live on the class path as {@code <root><Name>.java.txt} so the Kiln build does not compile
 * them; generated projects compile them.
 */
public final class BundledSource {
    private static final Pattern PACKAGE = Pattern.compile("^package [a-z0-9_.]+;", Pattern.MULTILINE);

    private BundledSource() {}

    /**
     * Reads a bundled source and rewrites its package declaration.
     *
     * @param root class-path folder, for example {@code /dev/kiln/codegen/support/}
     * @param name the simple class name
     * @param targetPackage the package the class moves to
     * @return the source text
     * @throws KilnException if the source is missing from Kiln's jar
     */
    public static String repackaged(String root, String name, String targetPackage) {
        return PACKAGE.matcher(read(root, name))
                .replaceFirst(Matcher.quoteReplacement("package " + targetPackage + ";"));
    }

    /**
     * Reads a bundled source that is written against the placeholder base package {@value #BASE} and
     * rewrites every mention of it, so sources in sub-packages can import each other and the base package.
     *
     * @param root class-path folder, for example {@code /dev/kiln/codegen/security/}
     * @param name the simple class name
     * @param basePackage the service's base package that replaces {@value #BASE}
     * @param applicationClass the simple name of the service's main class, which replaces
     *     {@code AppApplication}
     * @return the source text
     * @throws KilnException if the source is missing from Kiln's jar
     */
    public static String rebased(String root, String name, String basePackage, String applicationClass) {
        return read(root, name).replace(BASE + ".", basePackage + ".").replace("AppApplication", applicationClass);
    }

    /** The placeholder base package of sources read with {@link #rebased}. */
    public static final String BASE = "com.example.app";

    private static String read(String root, String name) {
        try (InputStream in = BundledSource.class.getResourceAsStream(root + name + ".java.txt")) {
            if (in == null) {
                throw new KilnException("Kiln is missing its bundled source " + root + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KilnException("cannot read the bundled source " + root + name, e);
        }
    }
}
