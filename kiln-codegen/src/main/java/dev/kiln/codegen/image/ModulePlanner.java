package dev.kiln.codegen.image;

import dev.kiln.codegen.image.BootLayers.AppLayer;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Chooses the runtime's modules: {@code jdeps} over the application jar and the libraries it reaches, plus a
 * {@linkplain ModuleSet#BASELINE baseline} that no class refers to.
 *
 * <p>The whole analysis takes up to a minute on a loaded machine, so answers are cached under the cache directory
 * twice: by the content of every layer (the same jar again costs nothing), and by the libraries' layers plus the
 * JDK modules the application's own classes use directly (a code change costs one quick {@code jdeps} over the
 * application jar alone; the whole analysis runs again only when that set or a library changes).
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
        Jars jars = Jars.of(layers);
        Path byContent = cacheDir.resolve(key(layers, "") + ".txt");
        Optional<ModuleSet> known = read(byContent);
        if (known.isPresent()) {
            return new Planned(known.get(), true);
        }
        String direct = String.join(",", new TreeSet<>(ModuleSet.parseJdeps(jdeps(List.of(), jars.app()))));
        Path byLibraries = cacheDir.resolve(key(librariesOnly(layers, jars), direct) + ".txt");
        Optional<ModuleSet> sameUse = read(byLibraries);
        ModuleSet modules = sameUse.orElseGet(() -> analyse(jars));
        FileTrees.writeAtomically(byContent, modules.joined() + "\n");
        FileTrees.writeAtomically(byLibraries, modules.joined() + "\n");
        return new Planned(modules, sameUse.isPresent());
    }

    private ModuleSet analyse(Jars jars) {
        Set<String> available = ModuleSet.parseListModules(
                HostCommand.of(List.of(jdk.tool("java"), "--list-modules")).run("java --list-modules"));
        return ModuleSet.of(ModuleSet.parseJdeps(jdeps(jars.libraries(), jars.app())), available);
    }

    private String key(List<AppLayer> layers, String extra) {
        return FileTrees.sha256(jdk.release() + "\n"
                + layers.stream()
                        .map(layer -> layer.dir().getFileName().toString())
                        .collect(Collectors.joining("\n"))
                + "\n" + extra);
    }

    private static List<AppLayer> librariesOnly(List<AppLayer> layers, Jars jars) {
        return layers.stream()
                .filter(layer -> !jars.app().startsWith(layer.dir()))
                .toList();
    }

    private String jdeps(List<Path> classPath, Path appJar) {
        List<String> command = new ArrayList<>(List.of(
                jdk.tool("jdeps"),
                "--print-module-deps",
                "--ignore-missing-deps",
                "--multi-release",
                Integer.toString(jdk.feature())));
        if (!classPath.isEmpty()) {
            command.add("--class-path");
            command.add(classPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        }
        command.add(appJar.toString());
        return HostCommand.of(command).timeout(TIMEOUT).run("jdeps (finding the Java modules the application uses)");
    }

    private static Optional<ModuleSet> read(Path cached) {
        if (!Files.isRegularFile(cached)) {
            return Optional.empty();
        }
        String text = String.join("", FileTrees.readLines(cached)).strip();
        return text.isEmpty()
                ? Optional.empty()
                : Optional.of(new ModuleSet(new TreeSet<>(Arrays.asList(text.split(",")))));
    }

    /**
     * The planned modules.
     *
     * @param modules the modules
     * @param cached whether the whole {@code jdeps} analysis was skipped because the answer was known
     */
    record Planned(ModuleSet modules, boolean cached) {}

    /** The application jar and the library jars of the extracted layers. */
    private record Jars(Path app, List<Path> libraries) {
        static Jars of(List<AppLayer> layers) {
            List<Path> libraries = new ArrayList<>();
            Path app = null;
            for (AppLayer layer : layers) {
                for (Path file : FileTrees.files(layer.dir())) {
                    if (file.getFileName().toString().equals(BootLayers.APP_JAR)
                            && layer.dir().equals(file.getParent())) {
                        app = file;
                    } else if (file.getFileName().toString().endsWith(".jar")) {
                        libraries.add(file);
                    }
                }
            }
            if (app == null) {
                throw new ImageBuildException("the extracted application has no " + BootLayers.APP_JAR, "");
            }
            return new Jars(app, List.copyOf(libraries));
        }
    }
}
