package dev.kiln.codegen.contributor.deploy;

import dev.kiln.codegen.contributor.build.ContainerImage;
import dev.kiln.codegen.model.ServiceModel;
import dev.kiln.codegen.spi.ProjectFiles;

/**
 * The "Container" and "Kubernetes" sections of a generated project's {@code README.md}, with the
 * environment variables the deployment wires, as {@link AppEnvironment} finds them.
 */
public final class DeploymentReadme {
    private DeploymentReadme() {}

    /**
     * Returns the sections as Markdown.
     *
     * @param model the service
     * @param files the project so far, whose configuration files name the variables
     * @return Markdown ending in a blank line
     */
    public static String sections(ServiceModel model, ProjectFiles files) {
        return container(model) + kubernetes(model, AppEnvironment.of(files));
    }

    private static String container(ServiceModel model) {
        String reference = ContainerImage.reference(model);
        return "## Container\n\n"
                + "Three ways to an image; each runs the service as user " + ContainerImage.user() + " (not root) on"
                + " port " + ContainerImage.PORT + ":\n\n"
                + commands(
                        "./mvnw -B package -DskipTests jib:buildTar",
                        "Jib: OCI tarball target/jib-image.tar, no Docker engine",
                        "docker build -t " + reference + " .",
                        "the Dockerfile: JDK 25 runtime with an AOT cache",
                        "./kiln image DIR",
                        "from Kiln's folder: an OCI tarball, offline, no Docker engine")
                + "- Jib needs `package` first: the image takes `target/classes`, including the Spring AOT classes"
                + " of the `process-aot` goal. Its base image, `" + ContainerImage.BASE_IMAGE + "`, is pulled from"
                + " Docker Hub, so `jib:buildTar` needs registry access (`kiln image` does not). The image is dated"
                + " at the epoch and its files one second later, so the same code on the same base gives the same"
                + " digest; pin the base by digest in `pom.xml` (`" + ContainerImage.BASE_IMAGE + "@sha256:...`) to"
                + " keep that true over time. Push the tarball with `skopeo copy oci-archive:target/jib-image.tar"
                + " docker://REGISTRY/" + reference + "`, or load it with `podman load -i target/jib-image.tar` (or"
                + " `docker load -i` with a Docker that reads OCI archives).\n"
                + "- The `Dockerfile` builds with the project's wrapper in a JDK stage, copies Spring Boot's extracted"
                + " layers into a JRE stage (dependencies first, the application last, so a rebuild usually changes"
                + " one layer) and trains a JDK 25 AOT cache there by starting the service once; it needs BuildKit"
                + " (Docker 23 or newer).\n"
                + "- The JVM runs as `run.sh` runs it, adapted to a container: serial GC, the C1 JIT only, Spring AOT,"
                + " and a heap of " + ContainerImage.MAX_RAM_PERCENTAGE + "% of the container's memory limit instead"
                + " of a fixed size, so give the container a limit (`docker run -m 512m ...`).\n"
                + "- The image's default profile is still `dev` (H2 in memory, listening on all interfaces inside"
                + " the container) for a quick look: `docker run --rm -m 512m -p 8080:8080 " + reference + "`. Real"
                + " use sets `SPRING_PROFILES_ACTIVE=prod` and the variables below.\n\n";
    }

    /** A shell block of commands, each with an aligned comment. */
    private static String commands(String... commandsAndComments) {
        int width = 0;
        for (int i = 0; i < commandsAndComments.length; i += 2) {
            width = Math.max(width, commandsAndComments[i].length());
        }
        StringBuilder block = new StringBuilder("```sh\n");
        for (int i = 0; i < commandsAndComments.length; i += 2) {
            String command = commandsAndComments[i];
            block.append(command)
                    .append(" ".repeat(width - command.length() + 2))
                    .append("# ")
                    .append(commandsAndComments[i + 1])
                    .append('\n');
        }
        return block.append("```\n\n").toString();
    }

    private static String kubernetes(ServiceModel model, AppEnvironment environment) {
        String name = model.spec().name();
        StringBuilder md = new StringBuilder("## Kubernetes\n\n")
                .append("`k8s/` holds kustomize manifests: `base/` (Deployment, Service, ConfigMap `")
                .append(name)
                .append("-config`, HorizontalPodAutoscaler on CPU, PodDisruptionBudget, NetworkPolicy) and the")
                .append(" overlays `overlays/dev` (one or two small pods) and `overlays/prod` (three to ten pods")
                .append(apiDocsSwitch(environment) ? ", API docs off)" : ")")
                .append(". Pods run the `prod` profile as a non-root user with a read-only root file")
                .append(" system (a writable `emptyDir` at `/tmp`), no capabilities, the `RuntimeDefault` seccomp")
                .append(" profile and no service account token; start-up, liveness and readiness probes call")
                .append(" `/actuator/health/liveness` and `/actuator/health/readiness`. The autoscaler needs the")
                .append(" cluster's metrics-server.\n\n")
                .append("1. Build the image and make it reachable from the cluster: push it and set `images` in")
                .append(" `k8s/overlays/prod/kustomization.yaml`, or for a local kind cluster `kind load")
                .append(" image-archive target/jib-image.tar`.\n")
                .append("2. Review the settings in `k8s/base/configmap.yaml` (at least `DB_URL` and `DB_USERNAME`).\n")
                .append("3. Create the Secret; `k8s/secret.template.yaml` names its keys and is never applied by")
                .append(" kustomize, so it cannot overwrite the real one. Never commit real values:\n\n")
                .append("   ```sh\n   kubectl create secret generic ")
                .append(name)
                .append("-secrets");
        environment.secrets().stream()
                .filter(EnvVariable::required)
                .forEach(v -> md.append(" \\\n     --from-literal=")
                        .append(v.name())
                        .append("=\"$")
                        .append(v.name())
                        .append('"'));
        md.append("\n   ```\n\n")
                .append("4. Deploy: `kubectl apply -k k8s/overlays/prod` (`kubectl kustomize k8s/overlays/prod` shows")
                .append(" what it applies). After changing the ConfigMap: `kubectl rollout restart deployment/")
                .append(name)
                .append("`.\n\n")
                .append(
                        "The variables the service reads in the `prod` profile, found in `application*.properties`:\n\n")
                .append("| variable | from | default |\n|---|---|---|\n")
                .append("| `SPRING_PROFILES_ACTIVE` | ConfigMap | `prod` |\n");
        for (EnvVariable variable : environment.variables()) {
            md.append("| `")
                    .append(variable.name())
                    .append("` | ")
                    .append(variable.secret() ? "Secret" : "ConfigMap")
                    .append(" | ")
                    .append(defaultColumn(variable))
                    .append(" |\n");
        }
        return md.append('\n').toString();
    }

    private static boolean apiDocsSwitch(AppEnvironment environment) {
        return environment.settings().stream().anyMatch(v -> v.name().equals(KubernetesContributor.API_DOCS_VARIABLE));
    }

    private static String defaultColumn(EnvVariable variable) {
        String value = variable.defaultValue();
        if (value == null) {
            return "required";
        }
        return value.isEmpty() ? "empty" : "`" + value.replace("|", "\\|") + "`";
    }
}
