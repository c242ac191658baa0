package dev.kiln.codegen.image;

import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import dev.kiln.codegen.KilnVersion;
import dev.kiln.codegen.image.BootLayers.AppLayer;
import dev.kiln.codegen.image.ImageTarball.LayerBlob;
import dev.kiln.codegen.image.ModulePlanner.Planned;
import dev.kiln.codegen.image.RuntimeBase.Base;
import dev.kiln.codegen.verify.JdkLocator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Builds an OCI image tarball of a generated project with no Docker daemon and no registry: {@code kiln image}.
 *
 * <p>Steps: package the jar when needed ({@code build}), extract Spring Boot's layers ({@code extract}), choose
 * the Java modules ({@code modules}), cut the runtime base down with {@code jlink} or take it from the cache
 * ({@code runtime}), and assemble the image with Jib ({@code image}). The same inputs give the same image digest.
 * The tarball is written to a temporary file and renamed into place, so a failure never leaves half an image.
 */
public final class ImageBuilder {
    /** The port the generated services listen on. */
    static final int PORT = 8080;

    private final JdkLocator jdks;
    private final Path cacheDir;
    private final ImageListener listener;

    /**
     * Makes a builder.
     *
     * @param jdks finds the JDK 21+ that packages the project and is cut down into the image's runtime
     * @param cacheDir Kiln's cache directory; runtime bases and module plans are kept under {@code image/}
     * @param listener receives progress
     */
    public ImageBuilder(JdkLocator jdks, Path cacheDir, ImageListener listener) {
        this.jdks = jdks;
        this.cacheDir = cacheDir.resolve("image");
        this.listener = listener;
    }

    /**
     * Kiln's cache directory by its conventions: {@code $KILN_CACHE_DIR}, else {@code $XDG_CACHE_HOME/kiln}, else
     * {@code ~/.cache/kiln}.
     *
     * @param environment the environment variables
     * @param userHome the user's home directory
     * @return the directory
     */
    public static Path defaultCacheDir(Map<String, String> environment, Path userHome) {
        String kiln = environment.get("KILN_CACHE_DIR");
        if (kiln != null && !kiln.isBlank()) {
            return Path.of(kiln);
        }
        String xdg = environment.get("XDG_CACHE_HOME");
        return xdg != null && !xdg.isBlank()
                ? Path.of(xdg, "kiln")
                : userHome.resolve(".cache").resolve("kiln");
    }

    /**
     * Builds the image.
     *
     * @param request what to build
     * @return the image written
     * @throws ImageInputException when the project or the JDK cannot be used; nothing was written
     * @throws ImageBuildException when the build, {@code jdeps}, {@code jlink} or Jib failed; no image was written
     */
    public BuiltImage build(ImageRequest request) {
        long start = System.nanoTime();
        KilnProject project = KilnProject.read(request.projectDir());
        String requested = request.reference();
        String reference = requested != null ? requested : project.name() + ":" + project.version();
        ImageAssembler.reference(reference);
        Jdk jdk = Jdk.at(jdks.find()
                .orElseThrow(() -> new ImageInputException("no JDK 21 or newer found: install JDK 21+"
                        + " (e.g. apt-get install openjdk-21-jdk-headless) or set JAVA_HOME to one")));
        Path jar = jar(project, jdk, request.rebuild());
        List<AppLayer> app = step(
                "extract",
                () -> new BootLayers(jdk.home()).extract(jar, project.workDir()),
                layers -> "Spring Boot layers: "
                        + layers.stream().map(AppLayer::name).collect(Collectors.joining(", ")));
        Planned modules = step(
                "modules",
                () -> new ModulePlanner(jdk, cacheDir.resolve("modules")).plan(app),
                planned -> planned.modules().names().size() + " modules" + (planned.cached() ? " (cached)" : ""));
        Base base = step(
                "runtime",
                () -> new RuntimeBase(jdk, cacheDir.resolve("base")).prepare(modules.modules()),
                prepared -> "jlink, JDK " + jdk.feature() + ", " + megabytes(FileTrees.size(prepared.runtime()))
                        + (prepared.cached() ? " (cached)" : ""));
        Written written = step(
                "image",
                () -> write(project, new Plan(reference, request, jdk, modules.modules()), base, app),
                image -> image.tarball().getFileName() + ", " + megabytes(image.size()));
        return written.toBuiltImage(modules.modules(), base.cached(), Duration.ofNanos(System.nanoTime() - start));
    }

    private Path jar(KilnProject project, Jdk jdk, boolean rebuild) {
        if (!rebuild && Files.isRegularFile(project.jar())) {
            return project.jar();
        }
        return step(
                "build",
                () -> new ProjectPackager(jdk.home(), listener).packageJar(project),
                built -> "packaged " + project.dir().relativize(built));
    }

    private Written write(KilnProject project, Plan plan, Base base, List<AppLayer> app) {
        Path requested = plan.request().output();
        Path output =
                requested != null ? requested : project.dir().resolve("target").resolve(project.name() + "-image.tar");
        Path temporary = temporaryBeside(output);
        Path layerCache = project.workDir().resolve("jib-cache");
        try {
            List<FileEntriesLayer> layers =
                    new LayerPlanner(project.created()).plan(base.system(), base.runtime(), app);
            JibContainer container = new ImageAssembler(layerCache).assemble(config(project, plan), layers, temporary);
            ImageTarball tarball = ImageTarball.read(temporary);
            Files.move(temporary, output, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            LayerCachePruner.prune(
                    layerCache, tarball.layers().stream().map(LayerBlob::hash).collect(Collectors.toSet()));
            return new Written(output, plan.reference(), container, Files.size(output), named(layers, tarball));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + output, e);
        } finally {
            FileTrees.delete(temporary);
        }
    }

    private static ImageConfig config(KilnProject project, Plan plan) {
        Map<String, String> environment = new TreeMap<>(Map.of(
                "JAVA_HOME",
                JvmOptions.JAVA_HOME,
                "PATH",
                JvmOptions.JAVA_HOME + "/bin",
                "LANG",
                "C.UTF-8",
                "SERVER_ADDRESS",
                "0.0.0.0",
                JvmOptions.TUNABLES_VARIABLE,
                JvmOptions.tunables(plan.jdk().feature())));
        Map<String, String> labels = new TreeMap<>(Map.of(
                "org.opencontainers.image.title", project.name(),
                "org.opencontainers.image.version", project.version(),
                "org.opencontainers.image.created", project.created().toString(),
                "dev.kiln.version", KilnVersion.get(),
                "dev.kiln.java.modules", plan.modules().joined(),
                "dev.kiln.java.version", "JDK " + plan.jdk().feature() + " (" + javaBuild(plan.jdk()) + ")"));
        if (!project.description().isBlank()) {
            labels.put("org.opencontainers.image.description", project.description());
        }
        return new ImageConfig(
                plan.reference(),
                ImageConfig.architecture(System.getProperty("os.arch")),
                plan.request().oci(),
                project.created(),
                JvmOptions.entrypoint(plan.jdk().feature()),
                new TreeMap<>(environment),
                new TreeMap<>(labels),
                PORT);
    }

    private static String javaBuild(Jdk jdk) {
        return jdk.release()
                .lines()
                .filter(line -> line.startsWith("JAVA_RUNTIME_VERSION=") || line.startsWith("IMPLEMENTOR_VERSION="))
                .map(line -> line.substring(line.indexOf('=') + 1).replace("\"", ""))
                .reduce((first, second) -> second)
                .orElse("unknown build");
    }

    private static List<BuiltImage.Layer> named(List<FileEntriesLayer> planned, ImageTarball tarball) {
        List<BuiltImage.Layer> layers = new ArrayList<>();
        for (int i = 0; i < tarball.layers().size(); i++) {
            LayerBlob blob = tarball.layers().get(i);
            String name = i < planned.size() ? planned.get(i).getName() : "layer " + (i + 1);
            layers.add(new BuiltImage.Layer(name, "sha256:" + blob.hash(), blob.size()));
        }
        return layers;
    }

    private static Path temporaryBeside(Path output) {
        try {
            Path parent = output.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            return Files.createTempFile(parent, "." + output.getFileName(), ".tmp");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file beside " + output, e);
        }
    }

    private <T> T step(String name, Supplier<T> body, Function<T, String> summary) {
        listener.stepStarted(name);
        long start = System.nanoTime();
        T result = body.get();
        listener.stepFinished(name, Duration.ofNanos(System.nanoTime() - start), summary.apply(result));
        return result;
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }

    /** The parts of a build that shape the image's configuration. */
    private record Plan(String reference, ImageRequest request, Jdk jdk, ModuleSet modules) {}

    /** The tarball written, before the build's totals are known. */
    private record Written(
            Path tarball, String reference, JibContainer container, long size, List<BuiltImage.Layer> layers) {
        BuiltImage toBuiltImage(ModuleSet modules, boolean baseCached, Duration time) {
            return new BuiltImage(
                    tarball,
                    reference,
                    container.getImageId().toString(),
                    container.getDigest().toString(),
                    size,
                    layers,
                    List.copyOf(modules.names()),
                    baseCached,
                    time);
        }
    }
}
