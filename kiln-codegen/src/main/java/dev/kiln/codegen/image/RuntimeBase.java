package dev.kiln.codegen.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The image's base, built locally because no base image can be pulled: a Java runtime cut down with
 * {@code jlink} to the application's modules, headless and with a class-data archive for the JVM settings the
 * image uses, plus the host's C library and the few system files it needs.
 *
 * <p>A base is built once per JDK build, module set and set of host libraries, and kept under the cache
 * directory; building it takes a minute, reusing it nothing. It is written to a staging directory and renamed
 * into place, so a crash or a concurrent build never leaves a half-built base behind.
 */
final class RuntimeBase {
    /** Bump when the layout or content of a base changes, so that old cached bases are not reused. */
    private static final String FORMAT = "kiln-image-base-1";

    private static final Duration JLINK_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration DUMP_TIMEOUT = Duration.ofMinutes(3);
    private static final int KEY_CHARS = 24;

    /** Native libraries that only a desktop uses; a server runtime is headless. */
    private static final List<String> DESKTOP_LIBRARIES =
            List.of("libawt_xawt.so", "libjawt.so", "libsplashscreen.so", "libjsound.so");

    private final Jdk jdk;
    private final Path cacheDir;

    /**
     * Makes a base builder.
     *
     * @param jdk the JDK to cut down
     * @param cacheDir where bases are kept, e.g. {@code ~/.cache/kiln/image/base}
     */
    RuntimeBase(Jdk jdk, Path cacheDir) {
        this.jdk = jdk;
        this.cacheDir = cacheDir;
    }

    /**
     * Returns the base for these modules, building it when the cache has none.
     *
     * @param modules the runtime's modules
     * @return the base
     */
    Base prepare(ModuleSet modules) {
        String key = key(modules);
        Path target = cacheDir.resolve(key);
        if (Files.isDirectory(target)) {
            return new Base(target, key, true);
        }
        Path staging = cacheDir.resolve(".staging-" + UUID.randomUUID());
        try {
            build(modules, staging);
            return new Base(publish(staging, target), key, false);
        } finally {
            FileTrees.delete(staging);
        }
    }

    private String key(ModuleSet modules) {
        String hostLibraries = fingerprint(HostLibraries.parse(HostCommand.of(List.of(
                                "ldd",
                                jdk.tool("java"),
                                jdk.home().resolve("lib/server/libjvm.so").toString()))
                        .runAllowingFailure("ldd"))
                .libraries());
        String identity = String.join(
                "\n", FORMAT, jdk.release(), modules.joined(), System.getProperty("os.arch"), hostLibraries);
        return FileTrees.sha256(identity).substring(0, KEY_CHARS);
    }

    private void build(ModuleSet modules, Path staging) {
        Path runtime = staging.resolve(Base.RUNTIME);
        createDirectories(staging);
        HostCommand.of(List.of(
                        jdk.tool("jlink"),
                        "--add-modules",
                        modules.joined(),
                        "--strip-debug",
                        "--no-man-pages",
                        "--no-header-files",
                        "--compress=zip-6",
                        "--output",
                        runtime.toString()))
                .timeout(JLINK_TIMEOUT)
                .run("jlink (cutting the JDK down to " + modules.names().size() + " modules)");
        DESKTOP_LIBRARIES.forEach(name -> deleteIfExists(runtime.resolve("lib").resolve(name)));
        dumpClassDataArchive(runtime);
        new SystemTree(staging.resolve(Base.SYSTEM)).write(HostLibraries.resolve(runtime));
    }

    /** Dumps the JDK's default class-data archive for the options the image's entry point uses. */
    private void dumpClassDataArchive(Path runtime) {
        List<String> command =
                new ArrayList<>(List.of(runtime.resolve("bin/java").toString()));
        command.addAll(JvmOptions.archiveOptions(jdk.feature()));
        command.add("-Xshare:dump");
        HostCommand.of(command).timeout(DUMP_TIMEOUT).run("the runtime's class-data archive (java -Xshare:dump)");
    }

    private static Path publish(Path staging, Path target) {
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (FileAlreadyExistsException e) {
            return target; // another build published the same base first
        } catch (IOException e) {
            if (Files.isDirectory(target)) {
                return target;
            }
            throw new UncheckedIOException("cannot move " + staging + " to " + target, e);
        }
    }

    private static String fingerprint(Iterable<Path> files) {
        StringBuilder text = new StringBuilder();
        for (Path file : files) {
            try {
                text.append(file)
                        .append(' ')
                        .append(Files.size(file))
                        .append(' ')
                        .append(Files.getLastModifiedTime(file).toMillis())
                        .append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return text.toString();
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    private static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    /**
     * A base in the cache.
     *
     * @param dir its directory, with {@link #RUNTIME} and {@link #SYSTEM} inside
     * @param key its cache key
     * @param cached whether it was there already
     */
    record Base(Path dir, String key, boolean cached) {
        /** The jlinked runtime, which goes to {@code /opt/java}. */
        static final String RUNTIME = "runtime";

        /** The host libraries and system files, laid out as in the image's root. */
        static final String SYSTEM = "system";

        Path runtime() {
            return dir.resolve(RUNTIME);
        }

        Path system() {
            return dir.resolve(SYSTEM);
        }
    }
}
