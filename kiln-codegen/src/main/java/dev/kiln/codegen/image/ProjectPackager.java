package dev.kiln.codegen.image;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Packages a generated project into its Spring Boot jar with the project's own Maven wrapper
 * ({@code ./mvnw -B -ntp -DskipTests package}); its tests are {@code kiln verify}'s job.
 */
final class ProjectPackager {
    private static final Duration TIMEOUT = Duration.ofMinutes(15);

    private final Path jdk;
    private final ImageListener listener;

    ProjectPackager(Path jdk, ImageListener listener) {
        this.jdk = jdk;
        this.listener = listener;
    }

    /**
     * Builds the jar.
     *
     * @param project the project
     * @return the jar
     * @throws ImageBuildException when the build fails or does not produce the jar
     */
    Path packageJar(KilnProject project) {
        Path wrapper = project.dir().resolve("mvnw");
        if (!Files.isRegularFile(wrapper)) {
            throw new ImageInputException(project.dir() + " has no Maven wrapper (mvnw); regenerate the project");
        }
        List<String> command = new ArrayList<>();
        if (!Files.isExecutable(wrapper)) {
            command.add("sh");
        }
        command.addAll(List.of(wrapper.toAbsolutePath().toString(), "-B", "-ntp", "-DskipTests", "package"));
        String path = System.getenv("PATH");
        String bin = jdk.resolve("bin").toString();
        HostCommand.of(command)
                .in(project.dir())
                .env("JAVA_HOME", jdk.toString())
                .env("PATH", path == null || path.isEmpty() ? bin : bin + File.pathSeparator + path)
                .timeout(TIMEOUT)
                .onLine(listener::output)
                .run("the project's build (./mvnw -B -ntp -DskipTests package)");
        Path jar = project.jar();
        if (!Files.isRegularFile(jar)) {
            throw new ImageBuildException("the build passed but did not produce " + jar, "");
        }
        return jar;
    }
}
