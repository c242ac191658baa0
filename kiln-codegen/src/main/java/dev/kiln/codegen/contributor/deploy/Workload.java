package dev.kiln.codegen.contributor.deploy;

import dev.kiln.codegen.contributor.build.ContainerImage;
import dev.kiln.codegen.contributor.build.MavenBuildContributor;
import dev.kiln.codegen.model.ServiceModel;

/**
 * The names and labels that the Kubernetes manifests of one service share.
 *
 * @param name the service name, used for the Deployment, Service, container and autoscaler
 * @param image the image reference the Deployment runs
 * @param environment the variables the service reads
 */
record Workload(String name, String image, AppEnvironment environment) {
    /** The label every resource carries and every selector matches. */
    static final String NAME_LABEL = "app.kubernetes.io/name";

    static Workload of(ServiceModel model, AppEnvironment environment) {
        return new Workload(model.spec().name(), ContainerImage.reference(model), environment);
    }

    /** The ConfigMap with the service's non-secret settings. */
    String configMapName() {
        return name + "-config";
    }

    /** The Secret the operator creates; Kiln writes only a template of it. */
    String secretName() {
        return name + "-secrets";
    }

    /** Labels on every resource and pod. */
    Yaml.Node labels() {
        return Yaml.node().with(NAME_LABEL, name).with("app.kubernetes.io/version", MavenBuildContributor.VERSION);
    }

    /** What selectors match: only the stable label, so that a new version still matches. */
    Yaml.Node selector() {
        return Yaml.node().with(NAME_LABEL, name);
    }

    /** A {@code metadata} block with the workload's labels. */
    Yaml.Node metadata(String resourceName) {
        return Yaml.node().with("name", resourceName).with("labels", labels());
    }

    /** The start of a resource: its API version, kind and metadata. */
    Yaml.Node resource(String apiVersion, String kind, String resourceName) {
        return Yaml.node().with("apiVersion", apiVersion).with("kind", kind).with("metadata", metadata(resourceName));
    }
}
