package dev.kiln.codegen.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JvmOptionsTests {
    @Test
    void entrypointRunsTheAppJarWithSpringAotFromTheImagesRuntime() {
        assertThat(JvmOptions.entrypoint(21))
                .containsExactly(
                        "/opt/java/bin/java",
                        "-Djava.awt.headless=true",
                        "-Dspring.aot.enabled=true",
                        "-jar",
                        "/app/app.jar");
    }

    @Test
    void jdk25UsesCompactObjectHeadersWhichTheClassDataArchiveIsDumpedWith() {
        assertThat(JvmOptions.entrypoint(25)).contains("-XX:+UseCompactObjectHeaders");
        assertThat(JvmOptions.archiveOptions(25)).containsExactly("-XX:+UseCompactObjectHeaders");
        assertThat(JvmOptions.archiveOptions(24)).isEmpty();
    }

    @Test
    void tunablesAreRunShsSmallFootprintSettingsWithTheHeapAsAShareOfTheContainer() {
        String tunables = JvmOptions.tunables(21);
        assertThat(tunables)
                .contains("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:MaxRAMPercentage=50")
                .contains("-XX:MaxMetaspaceSize=192m", "-XX:+ExitOnOutOfMemoryError")
                .doesNotContain("-Xmx", "TrimNativeHeapInterval");
        assertThat(JvmOptions.tunables(22)).contains("-XX:TrimNativeHeapInterval=2000");
    }
}
