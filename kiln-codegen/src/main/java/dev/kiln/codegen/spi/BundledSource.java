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
        try (InputStream in = BundledSource.class.getResourceAsStream(root + name + ".java.txt")) {
            if (in == null) {
                throw new KilnException("Kiln is missing its bundled source " + root + name);
            }
            String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return PACKAGE.matcher(source).replaceFirst(Matcher.quoteReplacement("package " + targetPackage + ";"));
        } catch (IOException e) {
            throw new KilnException("cannot read the bundled source " + root + name, e);
        }
    }
}
