package dev.kiln.cli;

import dev.kiln.codegen.KilnVersion;
import dev.kiln.codegen.ProjectGenerator;
import dev.kiln.codegen.writer.ProjectWriter;
import dev.kiln.spec.ServiceSpec;
import dev.kiln.spec.io.SpecReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The shipped example generated once per test JVM, so that the integration tests that build it (verify, image)
 * share one Maven build: whichever runs first builds it, the others reuse its jar.
 */
final class ExampleProject {
    private static @Nullable Path project;

    private ExampleProject() {}

    /** The example spec. */
    static ServiceSpec spec() {
        return new SpecReader().read(Path.of("../examples/blog.kiln.yaml"));
    }

    /** The generated project's directory; generated on first use and deleted when the JVM exits. */
    static synchronized Path dir() {
        if (project == null) {
            try {
                Path root = Files.createTempDirectory("kiln-example-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
                Path target = root.resolve("blog");
                ProjectWriter.writeNew(new ProjectGenerator(KilnVersion.get()).generate(spec()), target);
                project = target;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return project;
    }

    private static void delete(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // best effort at exit: the directory is under the system's temporary directory
        }
    }
}
