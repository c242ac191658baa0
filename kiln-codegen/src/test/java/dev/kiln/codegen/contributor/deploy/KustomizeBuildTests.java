package dev.kiln.codegen.contributor.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.codegen.GeneratedProject;
import dev.kiln.codegen.TestSpecs;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the overlays with the real kustomize ({@code kubectl kustomize} or {@code kustomize build}) and
 * reads the result strictly. Skipped, with the reason in the report, on machines without either tool.
 */
class KustomizeBuildTests {
    private static final GeneratedProject TINY =
            TestSpecs.generate(TestSpecs.read(Path.of("src/test/resources/golden/tiny.kiln.yaml")));

    @TempDir
    Path dir;

    @Test
    void prodOverlayRendersTheBaseWithProductionReplicasAndSettings() throws Exception {
        List<HasMetadata> resources = build("prod");

        assertThat(resources)
                .extracting(HasMetadata::getKind)
                .containsExactlyInAnyOrder(
                        "ConfigMap",
                        "Deployment",
                        "Service",
                        "HorizontalPodAutoscaler",
                        "PodDisruptionBudget",
                        "NetworkPolicy");
        assertThat(one(resources, HorizontalPodAutoscaler.class).getSpec().getMinReplicas())
                .isEqualTo(3);
        assertThat(one(resources, ConfigMap.class).getData())
                .containsEntry("API_DOCS_ENABLED", "false")
                .containsEntry("SPRING_PROFILES_ACTIVE", "prod");
        assertThat(one(resources, Deployment.class)
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getImage())
                .isEqualTo("tiny:0.0.1-SNAPSHOT");
    }

    @Test
    void devOverlayRendersSmallerPodsAndKeepsTheBaseSettings() throws Exception {
        List<HasMetadata> resources = build("dev");

        assertThat(resources).hasSize(6);
        assertThat(one(resources, HorizontalPodAutoscaler.class).getSpec().getMaxReplicas())
                .isEqualTo(2);
        assertThat(one(resources, ConfigMap.class).getData()).containsEntry("API_DOCS_ENABLED", "true");
        var container = one(resources, Deployment.class)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0);
        assertThat(container.getResources().getLimits()).containsEntry("memory", new Quantity("384Mi"));
        assertThat(container.getReadinessProbe())
                .as("the patch merged, not replaced")
                .isNotNull();
    }

    private List<HasMetadata> build(String overlay) throws IOException, InterruptedException {
        List<String> command = kustomizeCommand()
                .orElseGet(() ->
                        Assumptions.abort("neither kubectl nor kustomize is on the PATH: kustomize build not run"));
        for (String path : TINY.paths()) {
            if (path.startsWith(KubernetesContributor.ROOT)) {
                Path file = dir.resolve(path);
                Files.createDirectories(file.getParent());
                Files.write(file, TINY.bytes(path));
            }
        }
        List<String> full = new ArrayList<>(command);
        full.add(dir.resolve("k8s/overlays/" + overlay).toString());
        Process process = new ProcessBuilder(full)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.yaml").toFile())
                .start();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(dir.resolve("out.yaml"), StandardCharsets.UTF_8);
        assertThat(finished).as("kustomize finished within 120 s").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        List<HasMetadata> resources = new ArrayList<>();
        for (String document : output.split("(?m)^---$")) {
            if (!document.isBlank()) {
                resources.add(KubernetesModel.parse(document));
            }
        }
        return resources;
    }

    private static <T extends HasMetadata> T one(List<HasMetadata> resources, Class<T> type) {
        return resources.stream()
                .filter(type::isInstance)
                .map(type::cast)
                .reduce((a, b) -> {
                    throw new AssertionError("more than one " + type.getSimpleName());
                })
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName()));
    }

    private static Optional<List<String>> kustomizeCommand() {
        if (onPath("kustomize")) {
            return Optional.of(List.of("kustomize", "build"));
        }
        if (onPath("kubectl")) {
            return Optional.of(List.of("kubectl", "kustomize"));
        }
        return Optional.empty();
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null
                && Stream.of(path.split(File.pathSeparator))
                        .anyMatch(folder -> Files.isExecutable(Path.of(folder, tool)));
    }
}
