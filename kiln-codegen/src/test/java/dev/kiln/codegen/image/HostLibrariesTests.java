package dev.kiln.codegen.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostLibrariesTests {
    private static final String LDD = """
            /rt/bin/java:
            \tlinux-vdso.so.1 (0x00007ffd4a5f2000)
            \tlibz.so.1 => /lib/x86_64-linux-gnu/libz.so.1 (0x00007f2b1c1b0000)
            \tlibjli.so => /rt/bin/../lib/libjli.so (0x00007f2b1c19b000)
            \tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f2b1bfba000)
            \t/lib64/ld-linux-x86-64.so.2 (0x00007f2b1c1d5000)
            /rt/lib/libjava.so:
            \tlibjvm.so => not found
            \tlibX11.so.6 => not found
            \tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f2b1bfba000)
            /rt/lib/static.so:
            \tnot a dynamic executable
            """;

    @Test
    void parsesResolvedLibrariesTheLoaderAndMissingNamesOnce() {
        HostLibraries.Resolved resolved = HostLibraries.parse(LDD);

        assertThat(resolved.libraries())
                .extracting(Path::toString)
                .containsExactly(
                        "/lib/x86_64-linux-gnu/libc.so.6",
                        "/lib/x86_64-linux-gnu/libz.so.1",
                        "/lib64/ld-linux-x86-64.so.2",
                        "/rt/bin/../lib/libjli.so");
        assertThat(resolved.missing()).containsExactly("libX11.so.6", "libjvm.so");
    }

    @Test
    void dropsTheRuntimesOwnLibrariesAndTheNamesItProvides(@TempDir Path dir) throws IOException {
        Path runtime = dir.resolve("rt");
        Files.createDirectories(runtime.resolve("lib/server"));
        Files.createDirectories(runtime.resolve("bin"));
        Files.writeString(runtime.resolve("lib/libjli.so"), "x");
        Files.writeString(runtime.resolve("lib/server/libjvm.so"), "x");
        String ldd = LDD.replace("/rt/", runtime + "/");

        HostLibraries.Resolved resolved = HostLibraries.parse(ldd).without(runtime);

        assertThat(resolved.libraries())
                .extracting(Path::toString)
                .containsExactly(
                        "/lib/x86_64-linux-gnu/libc.so.6",
                        "/lib/x86_64-linux-gnu/libz.so.1",
                        "/lib64/ld-linux-x86-64.so.2");
        assertThat(resolved.missing()).containsExactly("libX11.so.6");
    }

    @Test
    void addsTheGccSupportLibraryThatGlibcLoadsOnDemand(@TempDir Path dir) throws IOException {
        Path libc = Files.writeString(dir.resolve("libc.so.6"), "x");
        Files.writeString(dir.resolve("libgcc_s.so.1"), "x");

        HostLibraries.Resolved resolved = HostLibraries.parse("\tlibc.so.6 => " + libc + " (0x00007f2b1bfba000)")
                .withGccSupport();

        assertThat(resolved.libraries()).containsExactly(libc, dir.resolve("libgcc_s.so.1"));
    }

    @Test
    void recognisesElfFilesByTheirMagicNumber(@TempDir Path dir) throws IOException {
        Path elf = Files.write(dir.resolve("a.so"), new byte[] {0x7f, 'E', 'L', 'F', 2, 1});
        Path text = Files.writeString(dir.resolve("b.so"), "#!/bin/sh");
        Path empty = Files.write(dir.resolve("c"), new byte[0]);

        assertThat(HostLibraries.isElf(elf)).isTrue();
        assertThat(HostLibraries.isElf(text)).isFalse();
        assertThat(HostLibraries.isElf(empty)).isFalse();
    }
}
