package dev.kiln.codegen.image;

import dev.kiln.codegen.image.BootLayers.AppLayer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Chooses the runtime's modules: {@code jdeps} over the application jar and its libraries, plus a
 * {@linkplain ModuleSet#BASELINE baseline} that no class refers to.
 *
 * <p>{@code jdeps} takes a while on a whole Spring Boot application, so its answer is cached under the cache
 * directory, keyed by the layers' content hashes and the JDK build.
 */
final class ModulePlanner {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final Jdk jdk;
    private final Path cacheDir;

    /**
     * Makes a planner.
     *
     * @param jdk the JDK whose {@code jdeps} analyses and whose modules are available
     * @param cacheDir where answers are kept, e.g. {@code ~/.cache/kiln/image/modules}
     */
    ModulePlanner(Jdk jdk, Path cacheDir) {
        this.jdk = jdk;
        this.cacheDir = cacheDir;
    }

    /**
     * Plans the modules for the extracted application.
     *
     * @param layers the application's layers, whose directories are named after their content
     * @return the modules, and whether the answer came from the cache
     */
    Planned plan(List<AppLayer> layers) {
        String key = FileTrees.sha256(jdk.release() + "\n"
                + layers.stream()
                        .map(layer -> layer.dir().getFileName().toString())
                        .collect(Collectors.joining("\n")));
        Path cached = cacheDir.resolve(key + ".txt");
        if (Files.isRegularFile(cached)) {
            return new Planned(
                    new ModuleSet(new TreeSet<>(Arrays.asList(read(cached).split(",")))), true);
        }
        Set<String> available = ModuleSet.parseListModules(
                HostCommand.of(List.of(jdk.tool("java"), "--list-modules")).run("java --list-modules"));
        ModuleSet modules = ModuleSet.of(ModuleSet.parseJdeps(jdeps(layers)), available);
        FileTrees.writeAtomically(cached, modules.joined() + "\n");
        return new Planned(modules, false);
    }

    private String jdeps(List<AppLayer> layers) {
        List<Path> jars = new ArrayList<>();
        Path appJar = null;
        for (AppLayer layer : layers) {
            for (Path file : FileTrees.files(layer.dir())) {
                if (file.getFileName().toString().equals(BootLayers.APP_JAR)
                        && layer.dir().equals(file.getParent())) {
                    appJar = file;
                } else if (file.getFileName().toString().endsWith(".jar")) {
                    jars.add(file);
                }
            }
        }
        if (appJar == null) {
            throw new ImageBuildException("the extracted application has no " + BootLayers.APP_JAR, "");
        }
        String classPath = jars.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
        return HostCommand.of(List.of(
                        jdk.tool("jdeps"),
                        "--print-module-deps",
                        "--ignore-missing-deps",
                        "--multi-release",
                        Integer.toString(jdk.feature()),
                        "--class-path",
                        classPath,
                        appJar.toString()))
                .timeout(TIMEOUT)
                .run("jdeps (finding the Java modules the application uses)");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * The planned modules.
     *
     * @param modules the modules
     * @param cached whether {@code jdeps} was skipped because the same application was analysed before
     */
    record Planned(ModuleSet modules, boolean cached) {}
}
