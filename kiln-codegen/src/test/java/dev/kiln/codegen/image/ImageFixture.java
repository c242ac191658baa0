package dev.kiln.codegen.image;

import dev.kiln.codegen.image.BootLayers.AppLayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** A small stand-in for a runtime base and an extracted application, to plan and assemble images from fast. */
final class ImageFixture {
    static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

    final Path system;
    final Path runtime;
    final List<AppLayer> app;

    private ImageFixture(Path system, Path runtime, List<AppLayer> app) {
        this.system = system;
        this.runtime = runtime;
        this.app = app;
    }

    /**
     * Writes the fixture.
     *
     * @param dir an empty directory
     * @param host a directory standing for the host's libraries; its {@code libc.so.6} is copied into the image
     * @param appCode the content of the application's own code, which tests change
     * @return the fixture
     */
    static ImageFixture write(Path dir, Path host, String appCode) throws IOException {
        Files.createDirectories(host);
        Path libc = Files.writeString(host.resolve("libc.so.6"), "not really libc");
        Path system = dir.resolve("base/system");
        new SystemTree(system).write(new HostLibraries.Resolved(new TreeSet<>(List.of(libc)), new TreeSet<>()));
        Path runtime = dir.resolve("base/runtime");
        Files.createDirectories(runtime.resolve("bin"));
        Files.createDirectories(runtime.resolve("lib/server"));
        Files.writeString(runtime.resolve("bin/java"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(runtime.resolve("bin/java"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(runtime.resolve("lib/server/libjvm.so"), "jvm");
        Files.writeString(runtime.resolve("lib/modules"), "modules");
        Path dependencies = dir.resolve("layers/dependencies");
        Files.createDirectories(dependencies.resolve("lib"));
        Files.writeString(dependencies.resolve("lib/spring-core.jar"), "spring");
        Path application = dir.resolve("layers/application-" + Integer.toHexString(appCode.hashCode()));
        Files.createDirectories(application);
        Files.writeString(application.resolve(BootLayers.APP_JAR), appCode);
        return new ImageFixture(
                system,
                runtime,
                List.of(new AppLayer("dependencies", dependencies), new AppLayer("application", application)));
    }

    static ImageConfig config(boolean oci) {
        Map<String, String> environment = new TreeMap<>(Map.of("SERVER_ADDRESS", "0.0.0.0", "LANG", "C.UTF-8"));
        Map<String, String> labels = new TreeMap<>(Map.of("org.opencontainers.image.title", "tiny"));
        return new ImageConfig(
                "tiny:1.0",
                "amd64",
                oci,
                CREATED,
                JvmOptions.entrypoint(25),
                new TreeMap<>(environment),
                new TreeMap<>(labels),
                8080);
    }
}
