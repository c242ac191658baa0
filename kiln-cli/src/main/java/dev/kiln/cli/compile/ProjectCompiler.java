package dev.kiln.cli.compile;

import dev.kiln.spec.KilnException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles the Java sources of generated projects in this JVM with the system Java compiler.
 *
 * <p>One compiler and one file manager serve every project, so the classpath's jars are opened once.
 * Sources are compiled for Java 21 ({@code --release 21}, the generated projects' {@code java.version})
 * without annotation processing, as the generated builds declare no processors. Not thread-safe.
 */
public final class ProjectCompiler implements AutoCloseable {
    private static final List<String> OPTIONS =
            List.of("--release", "21", "-proc:none", "-parameters", "-nowarn", "-Xlint:none", "-implicit:none");

    private final JavaCompiler compiler;
    private final StandardJavaFileManager files;

    private ProjectCompiler(JavaCompiler compiler, StandardJavaFileManager files) {
        this.compiler = compiler;
        this.files = files;
    }

    /**
     * Creates a compiler over a classpath.
     *
     * @param classpath the jars and folders the sources compile against
     * @return the compiler; close it when done
     * @throws KilnException if this JVM has no Java compiler (a JRE rather than a JDK)
     */
    public static ProjectCompiler over(List<Path> classpath) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new KilnException("this Java runtime has no compiler; run Kiln on a JDK 21 or newer");
        }
        StandardJavaFileManager files = compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
        try {
            files.setLocationFromPaths(StandardLocation.CLASS_PATH, classpath);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the classpath: " + e.getMessage(), e);
        }
        return new ProjectCompiler(compiler, files);
    }

    /**
     * Compiles a project's sources into a folder.
     *
     * @param projectDir the project
     * @param sources which source folders to compile
     * @param classes where the class files go; created if missing
     * @return the result, with the compiler's errors
     */
    public Compilation compile(Path projectDir, SourceSet sources, Path classes) {
        long start = System.nanoTime();
        List<Path> javaFiles = javaFiles(projectDir, sources);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean ok;
        try {
            Files.createDirectories(classes);
            files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(javaFiles);
            ok = compiler.getTask(null, files, diagnostics, OPTIONS, null, units)
                    .call();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compile " + projectDir + ": " + e.getMessage(), e);
        }
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR && errors.size() < Compilation.MAX_ERRORS) {
                errors.add(describe(projectDir, d));
            }
        }
        return new Compilation(
                ok && errors.isEmpty(), javaFiles.size(), errors, Duration.ofNanos(System.nanoTime() - start));
    }

    private static List<Path> javaFiles(Path projectDir, SourceSet sources) {
        List<Path> out = new ArrayList<>();
        for (String root : sources.roots()) {
            Path dir = projectDir.resolve(root);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static String describe(Path projectDir, Diagnostic<? extends JavaFileObject> d) {
        JavaFileObject source = d.getSource();
        String where = "";
        if (source != null) {
            Path file = Path.of(source.toUri());
            where = (file.startsWith(projectDir) ? projectDir.relativize(file) : file) + ":" + d.getLineNumber() + ": ";
        }
        return where + d.getMessage(Locale.ROOT).lines().findFirst().orElse("");
    }

    @Override
    public void close() {
        try {
            files.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the compiler's files: " + e.getMessage(), e);
        }
    }
}
