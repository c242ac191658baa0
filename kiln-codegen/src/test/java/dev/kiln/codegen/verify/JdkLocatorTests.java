package dev.kiln.codegen.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdkLocatorTests {
    @TempDir
    Path dir;

    @Test
    void prefersJavaHomeWhenItIsTwentyOneOrNewer() throws IOException {
        Path home = jdk(dir.resolve("home"), "\"21.0.5\"");
        Path root = dir.resolve("jvm");
        jdk(root.resolve("temurin-25"), "\"25\"");

        assertThat(new JdkLocator(home, root).find()).contains(home);
    }

    @Test
    void fallsBackToTheNewestJdkUnderTheRootWhenJavaHomeIsTooOld() throws IOException {
        Path home = jdk(dir.resolve("home"), "\"17.0.15\"");
        Path root = dir.resolve("jvm");
        jdk(root.resolve("a-jdk-21"), "\"21.0.9\"");
        Path newest = jdk(root.resolve("b-jdk-21"), "\"21.0.10\"");
        jdk(root.resolve("c-jdk-17"), "\"17.0.2\"");
        jdk(root.resolve("d-jdk-8"), "\"1.8.0_412\"");

        assertThat(new JdkLocator(home, root).find()).contains(newest);
    }

    @Test
    void picksTheHighestFeatureReleaseWithoutJavaHome() throws IOException {
        Path root = dir.resolve("jvm");
        jdk(root.resolve("jdk-21"), "\"21.0.5\"");
        Path newest = jdk(root.resolve("jdk-25"), "25");

        assertThat(new JdkLocator(null, root).find()).contains(newest);
    }

    @Test
    void ignoresFoldersWithoutAJavaLauncherOrReleaseFile() throws IOException {
        Path root = dir.resolve("jvm");
        Path noLauncher = Files.createDirectories(root.resolve("jdk-26"));
        Files.writeString(noLauncher.resolve("release"), "JAVA_VERSION=\"26\"\n");
        Path noRelease = Files.createDirectories(root.resolve("jdk-27/bin"));
        Files.writeString(noRelease.resolve("java"), "");
        Path usable = jdk(root.resolve("jdk-21"), "\"21\"");
        Files.writeString(root.resolve("README"), "not a JDK");

        assertThat(new JdkLocator(null, root).find()).contains(usable);
    }

    @Test
    void findsNothingWhenOnlyOldJdksExist() throws IOException {
        Path home = jdk(dir.resolve("home"), "\"17.0.15\"");
        Path root = dir.resolve("jvm");
        jdk(root.resolve("jdk-11"), "\"11.0.2\"");

        assertThat(new JdkLocator(home, root).find()).isEmpty();
    }

    @Test
    void findsNothingWhenTheRootIsMissing() {
        assertThat(new JdkLocator(dir.resolve("no-such-home"), dir.resolve("no-such-root")).find())
                .isEmpty();
    }

    @Test
    void parsesOldAndNewVersionSchemes() {
        assertThat(JdkLocator.parse("\"1.8.0_412\"")).contains(java.util.List.of(8, 0, 412));
        assertThat(JdkLocator.parse("\"21.0.5\"")).contains(java.util.List.of(21, 0, 5));
        assertThat(JdkLocator.parse("25-ea")).contains(java.util.List.of(25));
        assertThat(JdkLocator.parse("\"\"")).isEmpty();
    }

    private static Path jdk(Path home, String javaVersion) throws IOException {
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n");
        Files.writeString(
                home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=" + javaVersion + "\nOS_NAME=\"Linux\"\n");
        return home;
    }
}
