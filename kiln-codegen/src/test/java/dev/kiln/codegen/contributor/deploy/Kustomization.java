package dev.kiln.codegen.contributor.deploy;

import dev.kiln.codegen.GeneratedProject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The parts of a {@code kustomization.yaml} that tests check, read strictly: a key kustomize does not
 * know, or one the generator is not expected to write, fails the read.
 *
 * @param resources the {@code resources} entries, relative to the kustomization
 * @param patches the {@code path} of each {@code patches} entry
 */
record Kustomization(List<String> resources, List<String> patches) {
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final Set<String> KEYS = Set.of("apiVersion", "kind", "resources", "patches", "images");

    static Kustomization read(GeneratedProject project, String path) {
        JsonNode root = YAML.readTree(project.text(path));
        for (String key : root.propertyNames()) {
            if (!KEYS.contains(key)) {
                throw new AssertionError(path + ": unexpected key " + key);
            }
        }
        if (!root.path("apiVersion").asString().equals("kustomize.config.k8s.io/v1beta1")
                || !root.path("kind").asString().equals("Kustomization")) {
            throw new AssertionError(path + ": not a kustomize.config.k8s.io/v1beta1 Kustomization");
        }
        List<String> resources = new ArrayList<>();
        root.path("resources").forEach(node -> resources.add(node.asString()));
        List<String> patches = new ArrayList<>();
        root.path("patches").forEach(node -> patches.add(node.path("path").asString()));
        return new Kustomization(resources, patches);
    }
}
