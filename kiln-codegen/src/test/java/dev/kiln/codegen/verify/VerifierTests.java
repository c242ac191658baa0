package dev.kiln.codegen.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifierTests {
    private static final String FAILING_BUILD = """
            #!/bin/sh
            echo "[INFO] Building fake 0.0.1-SNAPSHOT"
            echo "[ERROR] Tests run: 3, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.1 s -- in x.FakeTest"
            echo "[ERROR] Tests run: 3, Failures: 1"
            echo "[ERROR] BUILD FAILURE" >&2
            exit 1
            """;

    @TempDir
    Path dir;

    private final RecordingListener listener = new RecordingListener();

    @Test
    void stopsAtAFailingBuildAndSkipsTheRest() throws IOException {
        Path project = project(FAILING_BUILD, true);

        VerificationReport report = verifier(jdk()).verify(project, "fake", List.of());

        assertThat(report.passed()).isFalse();
        assertThat(report.steps()).extracting(StepResult::step).containsExactly("build", "boot", "smoke", "stop");
        StepResult build = report.steps().getFirst();
        assertThat(build.passed()).isFalse();
        assertThat(build.skipped()).isFalse();
        assertThat(build.summary()).isEqualTo("mvnw verify failed (exit 1); tests: 3 run, 1 failed");
        assertThat(build.failureOutput()).contains("Tests run: 3, Failures: 1").contains("[ERROR] BUILD FAILURE");
        assertThat(report.steps().subList(1, 4)).allMatch(StepResult::skipped);
        assertThat(listener.started).containsExactly("build");
        assertThat(listener.finished).isEqualTo(report.steps());
        assertThat(listener.lines).contains("[INFO] Building fake 0.0.1-SNAPSHOT", "[ERROR] BUILD FAILURE");
        assertThat(report.table()).contains("build | FAIL").contains("stop  | SKIP");
    }

    @Test
    void runsAWrapperThatIsNotExecutableWithSh() throws IOException {
        Path project = project(FAILING_BUILD, false);

        VerificationReport report = verifier(jdk()).verify(project, "fake", List.of());

        assertThat(report.steps().getFirst().summary())
                .isEqualTo("mvnw verify failed (exit 1); tests: 3 run, 1 failed");
    }

    @Test
    void buildsWithTheLocatedJdkAndTheWrapperArguments() throws IOException {
        Path jdk = jdk();
        Path project = project("""
                #!/bin/sh
                echo "home=$JAVA_HOME"
                echo "path=$PATH"
                echo "args=$*"
                exit 0
                """, true);

        VerificationReport report = verifier(jdk).verify(project, "fake", List.of());

        assertThat(report.steps().getFirst().passed()).isTrue();
        assertThat(report.steps().getFirst().summary()).isEqualTo("ok");
        assertThat(listener.lines)
                .contains("home=" + jdk, "args=-B -ntp verify")
                .anyMatch(line -> line.startsWith("path=" + jdk.resolve("bin") + ":"));
    }

    @Test
    void failsTheBootWhenTheBuildMadeNoJar() throws IOException {
        Path project = project("#!/bin/sh\necho 'Tests run: 2, Failures: 0, Errors: 0, Skipped: 0'\n", true);

        VerificationReport report = verifier(jdk()).verify(project, "fake", List.of());

        assertThat(report.steps()).extracting(StepResult::passed).containsExactly(true, false, false, false);
        assertThat(report.steps().getFirst().summary()).isEqualTo("tests: 2 run, 0 failed");
        assertThat(report.steps().get(1).summary())
                .isEqualTo("no jar at target/fake-0.0.1-SNAPSHOT.jar; the build did not package one");
        assertThat(report.steps().get(2).skipped()).isTrue();
        assertThat(report.steps().get(3).skipped()).isTrue();
    }

    @Test
    void failsTheBuildWithoutAJdk() throws IOException {
        Path project = project(FAILING_BUILD, true);
        JdkLocator none = new JdkLocator(null, dir.resolve("no-jvms"));

        VerificationReport report =
                new Verifier(none, listener, Duration.ofSeconds(5)).verify(project, "fake", List.of());

        assertThat(report.passed()).isFalse();
        assertThat(report.steps().getFirst().summary())
                .contains("install JDK 21+")
                .contains("JAVA_HOME");
        assertThat(report.steps().subList(1, 4)).allMatch(StepResult::skipped);
    }

    @Test
    void failsTheBuildWithoutAWrapper() throws IOException {
        Path project = Files.createDirectories(dir.resolve("empty"));

        VerificationReport report = verifier(jdk()).verify(project, "fake", List.of());

        assertThat(report.steps().getFirst().summary()).startsWith("no Maven wrapper");
    }

    @Test
    void failsTheBootWhenTheAppDiesAndStillReportsTheStop() throws IOException {
        Path jdk = jdk("#!/bin/sh\necho \"starting $*\"\necho 'APPLICATION FAILED TO START'\nexit 3\n");
        Path project = packagedProject();

        VerificationReport report = verifier(jdk).verify(project, "fake", List.of());

        assertThat(report.steps()).extracting(StepResult::passed).containsExactly(true, false, false, true);
        StepResult boot = report.steps().get(1);
        assertThat(boot.summary())
                .isEqualTo("app exited with code 3 before it was healthy; see target/kiln-verify-app.log");
        assertThat(boot.failureOutput())
                .contains("APPLICATION FAILED TO START")
                .containsPattern("starting -jar \\S+/target/fake-0.0.1-SNAPSHOT.jar --server.port=\\d+"
                        + " --server.address=127.0.0.1");
        assertThat(report.steps().get(2).skipped()).isTrue();
        assertThat(report.steps().get(3).summary()).isEqualTo("had already exited with code 3");
    }

    @Test
    void failsTheBootAfterTheTimeoutAndStopsTheApp() throws IOException {
        Path jdk = jdk("#!/bin/sh\necho 'still starting'\nexec sleep 30\n");
        Path project = packagedProject();

        VerificationReport report = new Verifier(
                        new JdkLocator(jdk, dir.resolve("no-jvms")), listener, Duration.ofMillis(600))
                .verify(project, "fake", List.of());

        assertThat(report.steps()).extracting(StepResult::passed).containsExactly(true, false, false, true);
        assertThat(report.steps().get(1).summary())
                .isEqualTo("app not healthy within 0.6 s; see target/kiln-verify-app.log");
        assertThat(report.steps().get(1).failureOutput()).isEqualTo("still starting");
        assertThat(report.steps().get(3).summary()).startsWith("stopped in ").endsWith("(exit 143)");
        assertThat(listener.started).containsExactly("build", "boot", "stop");
    }

    @Test
    void preparesAndStartsThroughTheProjectsRunScript() throws IOException {
        Path jdk = jdk();
        Path project = packagedProject();
        runScript(project, """
                #!/bin/sh
                if [ "$1" = "--prepare" ]; then echo "prepared with $JAVA_HOME"; exit 0; fi
                echo "run.sh started $*"
                exit 4
                """);

        VerificationReport report = verifier(jdk).verify(project, "fake", List.of());

        StepResult boot = report.steps().get(1);
        assertThat(boot.summary())
                .isEqualTo("app exited with code 4 before it was healthy; see target/kiln-verify-app.log");
        assertThat(boot.failureOutput())
                .containsPattern("run.sh started --server.port=\\d+ --server.address=127.0.0.1");
        assertThat(Files.readString(project.resolve("target/kiln-verify-prepare.log")))
                .isEqualTo("prepared with " + jdk + "\n");
    }

    @Test
    void failsTheBootWhenTheRunScriptCannotPrepare() throws IOException {
        Path project = packagedProject();
        runScript(project, "#!/bin/sh\necho 'training failed: no space left'\nexit 1\n");

        VerificationReport report = verifier(jdk()).verify(project, "fake", List.of());

        assertThat(report.steps()).extracting(StepResult::passed).containsExactly(true, false, false, false);
        assertThat(report.steps().get(1).summary())
                .isEqualTo("run.sh --prepare failed (exit 1); see target/kiln-verify-prepare.log");
        assertThat(report.steps().get(1).failureOutput()).isEqualTo("training failed: no space left");
        assertThat(report.steps().get(3).skipped()).isTrue();
    }

    private static void runScript(Path project, String script) throws IOException {
        Path file = Files.writeString(project.resolve("run.sh"), script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Path packagedProject() throws IOException {
        Path project = project("#!/bin/sh\necho '[INFO] BUILD SUCCESS'\n", true);
        Files.createDirectories(project.resolve("target"));
        Files.writeString(project.resolve("target/fake-0.0.1-SNAPSHOT.jar"), "not really a jar");
        return project;
    }

    private Verifier verifier(Path jdk) {
        return new Verifier(new JdkLocator(jdk, dir.resolve("no-jvms")), listener, Duration.ofSeconds(5));
    }

    private Path project(String wrapper, boolean executable) throws IOException {
        Path project = Files.createDirectories(dir.resolve("project"));
        Path mvnw = Files.writeString(project.resolve("mvnw"), wrapper);
        Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
        return project;
    }

    private Path jdk() throws IOException {
        return jdk("#!/bin/sh\nexit 1\n");
    }

    private Path jdk(String javaScript) throws IOException {
        Path home = dir.resolve("jdk");
        Files.createDirectories(home.resolve("bin"));
        Path java = Files.writeString(home.resolve("bin/java"), javaScript);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"21.0.5\"\n");
        return home;
    }
}
