package dev.kiln.codegen.contributor.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.codegen.GeneratedProject;
import dev.kiln.codegen.TestSpecs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the generated {@code run.sh} with bash and a stand-in {@code java} that records its calls, to check
 * when the script extracts the jar and trains the class cache.
 */
class RunScriptTests {
    private static final GeneratedProject BLOG = TestSpecs.generate(TestSpecs.blog());
    private static final String JAR = "target/blog-" + MavenBuildContributor.VERSION + ".jar";
    /** What reproducible builds stamp on every jar (project.build.outputTimestamp). */
    private static final FileTime FIXED = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));

    /** A java that answers version queries, "extracts" by copying, and "trains" by touching the cache. */
    private static final String FAKE_JAVA = """
            #!/usr/bin/env bash
            echo "$*" >>"$(dirname "$0")/calls.log"
            case "$*" in
              *-XshowSettings:properties*) echo "    java.specification.version = 25" >&2 ;;
              *-Djarmode=tools*) dest="${@: -1}"; mkdir -p "$dest"; cp "$3" "$dest/$(basename "$3")" ;;
              *-XX:AOTCacheOutput=*) for a in "$@"; do
                  case "$a" in -XX:AOTCacheOutput=*) touch "${a#-XX:AOTCacheOutput=}" ;; esac; done ;;
              *-version*) echo 'openjdk version "25" 2025-09-16' >&2 ;;
              *) echo "started $*" ;;
            esac
            """;

    @TempDir
    Path project;

    private Path jdk;

    @BeforeEach
    void setUp() throws IOException {
        Files.write(project.resolve("run.sh"), BLOG.bytes("run.sh"));
        jdk = Files.createDirectories(project.resolve("jdk/bin"));
        Path java = Files.writeString(jdk.resolve("java"), FAKE_JAVA);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(project.resolve("target"));
        build("build one");
    }

    @Test
    void theFirstStartExtractsAndTrainsAndTheNextReusesBoth() throws Exception {
        assertThat(run("--prepare")).isZero();
        assertThat(run("--server.port=0")).isZero();

        assertThat(calls("-Djarmode=tools")).isEqualTo(1);
        assertThat(calls("-XX:AOTCacheOutput=")).isEqualTo(1);
        assertThat(calls("-XX:AOTCache=target/app/app.aot")).isEqualTo(1);
    }

    @Test
    void aNewBuildWithTheSameReproducibleTimestampIsExtractedAgain() throws Exception {
        assertThat(run("--prepare")).isZero();

        build("build two");
        assertThat(run("--prepare")).isZero();

        assertThat(calls("-Djarmode=tools")).isEqualTo(2);
        assertThat(calls("-XX:AOTCacheOutput=")).isEqualTo(2);
        assertThat(project.resolve("target/app").resolve(Path.of(JAR).getFileName()))
                .hasContent("build two");
    }

    @Test
    void otherJvmOptionsRetrainTheCacheWithoutExtractingAgain() throws Exception {
        assertThat(run("--prepare")).isZero();
        assertThat(run("--prepare", "-Xmx256m")).isZero();

        assertThat(calls("-Djarmode=tools")).isEqualTo(1);
        assertThat(calls("-XX:AOTCacheOutput=")).isEqualTo(2);
    }

    /** Writes the jar as a build would (same size each time here), with the fixed timestamp of reproducible builds. */
    private void build(String content) throws IOException {
        Path jar = project.resolve(JAR);
        Path fresh = project.resolve("target/fresh.jar");
        Files.writeString(fresh, content);
        Files.move(fresh, jar, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(jar, FIXED);
    }

    private int run(String argument) throws Exception {
        return run(argument, "");
    }

    private int run(String argument, String javaOpts) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(List.of("bash", "run.sh", argument))
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(project.resolve("run.log").toFile());
        builder.environment().put("JAVA_HOME", project.resolve("jdk").toString());
        builder.environment().put("JAVA_OPTS", javaOpts);
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    private long calls(String marker) throws IOException {
        return Files.readAllLines(jdk.resolve("calls.log")).stream()
                .filter(line -> line.contains(marker))
                .count();
    }
}
