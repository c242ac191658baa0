package dev.kiln.codegen.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The build host's shared libraries that a runtime's programs and libraries load: the C library, its dynamic
 * loader and what they link to, as {@code ldd} resolves them.
 *
 * <p>The image has no distribution, so these files are what the Java runtime runs on. They come from the same
 * host whose JDK is cut down, which is the combination known to work.
 */
final class HostLibraries {
    /** {@code libname.so => /path/libname.so (0x...)}. */
    private static final Pattern RESOLVED = Pattern.compile("^\\s*(\\S+)\\s+=>\\s+(/\\S+)\\s+\\(0x[0-9a-f]+\\)");

    /** {@code /lib64/ld-linux-x86-64.so.2 (0x...)}: the dynamic loader, named by its absolute path. */
    private static final Pattern LOADER = Pattern.compile("^\\s*(/\\S+)\\s+\\(0x[0-9a-f]+\\)");

    /** {@code libname.so => not found}. */
    private static final Pattern MISSING = Pattern.compile("^\\s*(\\S+)\\s+=>\\s+not found");

    /** glibc loads this one on demand (thread cancellation, backtraces), so {@code ldd} never lists it. */
    private static final String GCC_SUPPORT = "libgcc_s.so.1";

    private static final byte[] ELF_MAGIC = {0x7f, 'E', 'L', 'F'};

    private HostLibraries() {}

    /**
     * Resolves the host libraries that the ELF files under a runtime need.
     *
     * @param runtime the runtime directory; libraries inside it are not host libraries
     * @return the libraries' absolute host paths, and the names {@code ldd} could not find
     * @throws ImageBuildException when {@code ldd} is not there
     */
    static Resolved resolve(Path runtime) {
        List<String> command = new ArrayList<>(List.of("ldd"));
        FileTrees.files(runtime).stream()
                .filter(HostLibraries::isElf)
                .map(Path::toString)
                .forEach(command::add);
        Resolved resolved = parse(HostCommand.of(command).runAllowingFailure("ldd (finding the host libraries)"));
        if (resolved.libraries().isEmpty()) {
            throw new ImageBuildException(
                    "ldd found no shared libraries under " + runtime
                            + "; the image needs the host's C library (is ldd installed? apt-get install libc-bin)",
                    "");
        }
        return resolved.withGccSupport().without(runtime);
    }

    /**
     * Reads the output of {@code ldd} over one or more files.
     *
     * @param output the output
     * @return what it resolved and what it could not find
     */
    static Resolved parse(String output) {
        NavigableSet<Path> libraries = new TreeSet<>();
        NavigableSet<String> missing = new TreeSet<>();
        for (String line : output.split("\n", -1)) {
            Matcher resolved = RESOLVED.matcher(line);
            Matcher loader = LOADER.matcher(line);
            Matcher notFound = MISSING.matcher(line);
            if (resolved.find()) {
                libraries.add(Path.of(resolved.group(2)));
            } else if (loader.find()) {
                libraries.add(Path.of(loader.group(1)));
            } else if (notFound.find()) {
                missing.add(notFound.group(1));
            }
        }
        return new Resolved(libraries, missing);
    }

    static boolean isElf(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(ELF_MAGIC.length), ELF_MAGIC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Libraries found and not found.
     *
     * @param libraries absolute host paths, sorted
     * @param missing names {@code ldd} could not resolve, sorted
     */
    record Resolved(NavigableSet<Path> libraries, NavigableSet<String> missing) {
        Resolved {
            libraries = new TreeSet<>(libraries);
            missing = new TreeSet<>(missing);
        }

        /** Adds {@code libgcc_s.so.1} from the C library's directory, when the host has it there. */
        Resolved withGccSupport() {
            NavigableSet<Path> all = new TreeSet<>(libraries);
            libraries.stream()
                    .filter(library -> library.getFileName().toString().startsWith("libc.so."))
                    .map(library -> library.resolveSibling(GCC_SUPPORT))
                    .filter(Files::isRegularFile)
                    .forEach(all::add);
            return new Resolved(all, missing);
        }

        /** Drops libraries inside a directory, and missing names that a file there provides. */
        Resolved without(Path runtime) {
            Path root = runtime.toAbsolutePath().normalize();
            NavigableSet<Path> outside = new TreeSet<>(libraries);
            outside.removeIf(library -> library.toAbsolutePath().normalize().startsWith(root));
            Set<String> inside = Set.copyOf(FileTrees.files(runtime).stream()
                    .map(file -> file.getFileName().toString())
                    .toList());
            NavigableSet<String> stillMissing = new TreeSet<>(missing);
            stillMissing.removeIf(inside::contains);
            return new Resolved(outside, stillMissing);
        }
    }
}
