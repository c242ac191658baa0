package dev.kiln.codegen.contributor.build;

import dev.kiln.codegen.model.ServiceModel;
import java.util.List;

/**
 * The container image of a generated service: base image, user, port and JVM flags, in one place so
 * that the Jib configuration in {@code pom.xml}, the {@code Dockerfile} and the Kubernetes manifests
 * agree.
 *
 * <p>The JVM flags follow {@code run.sh} where they make sense in a container: serial GC, the C1 JIT
 * only, small thread stacks, the Spring AOT bean definitions that the {@code process-aot} goal makes,
 * but a heap sized as a share of the container's memory limit instead of a fixed {@code -Xmx}.
 */
public final class ContainerImage {
    /** The base image of images built by Jib: a Java 21 runtime from Docker Hub's official images. */
    public static final String BASE_IMAGE = "eclipse-temurin:21-jre";

    /** The numeric user and group the service runs as: not root, and no name the base must define. */
    public static final int USER_ID = 10001;

    /** The HTTP port the service listens on inside the container. */
    public static final int PORT = 8080;

    /** The heap as a percentage of the container's memory limit; the rest is metaspace, code and stacks. */
    public static final int MAX_RAM_PERCENTAGE = 50;

    private static final List<String> JVM_FLAGS = List.of(
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-Xss512k",
            "-XX:MaxRAMPercentage=" + MAX_RAM_PERCENTAGE,
            "-XX:ReservedCodeCacheSize=64m",
            "-XX:MaxMetaspaceSize=192m",
            "-XX:+ExitOnOutOfMemoryError",
            "-Dspring.aot.enabled=true");

    private ContainerImage() {}

    /**
     * Returns the JVM flags every image of the service starts with.
     *
     * @return the flags, in order
     */
    public static List<String> jvmFlags() {
        return JVM_FLAGS;
    }

    /**
     * Returns the user the container runs as, in the {@code uid:gid} form that Jib, Docker and OCI use.
     *
     * @return for example {@code 10001:10001}
     */
    public static String user() {
        return USER_ID + ":" + USER_ID;
    }

    /**
     * Returns the image reference that builds produce and the Kubernetes manifests deploy.
     *
     * @param model the service
     * @return for example {@code blog:0.0.1-SNAPSHOT}
     */
    public static String reference(ServiceModel model) {
        return model.spec().name() + ":" + MavenBuildContributor.VERSION;
    }

    /**
     * Returns the file name of the executable jar that {@code ./mvnw package} writes under {@code target/}.
     *
     * @param model the service
     * @return for example {@code blog-0.0.1-SNAPSHOT.jar}
     */
    public static String jarName(ServiceModel model) {
        return model.spec().name() + "-" + MavenBuildContributor.VERSION + ".jar";
    }
}
