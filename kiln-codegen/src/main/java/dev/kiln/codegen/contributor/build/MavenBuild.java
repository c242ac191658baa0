package dev.kiln.codegen.contributor.build;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A Maven POM as a model: coordinates, properties, dependencies and plugins, in insertion order.
 *
 * <p>Contributors add to it; {@link MavenPomWriter} renders it. Versions managed by the Spring Boot
 * parent are left out.
 */
public final class MavenBuild {
    /**
     * A dependency.
     *
     * @param groupId the group
     * @param artifactId the artifact
     * @param version the version, or null when the parent manages it
     * @param scope the scope, or null for compile
     */
    public record Dependency(
            String groupId,
            String artifactId,
            @Nullable String version,
            @Nullable String scope) {}

    /**
     * A plugin with its raw configuration XML (already indented for its place).
     *
     * @param groupId the group
     * @param artifactId the artifact
     * @param version the version, or null when the parent manages it
     * @param body inner XML after the coordinates, may be empty
     */
    public record Plugin(
            String groupId, String artifactId, @Nullable String version, String body) {}

    private final String groupId;
    private final String artifactId;
    private final String description;
    private final String parentVersion;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final List<Dependency> dependencies = new ArrayList<>();
    private final List<Plugin> plugins = new ArrayList<>();

    /**
     * Creates a build with a Spring Boot parent.
     *
     * @param groupId the group
     * @param artifactId the artifact
     * @param description the description
     * @param parentVersion the Spring Boot version
     */
    public MavenBuild(String groupId, String artifactId, String description, String parentVersion) {
        this.groupId = groupId;
        this.artifactId = artifactId;
        this.description = description;
        this.parentVersion = parentVersion;
    }

    /**
     * Sets a property.
     *
     * @param name the name
     * @param value the value
     * @return this build
     */
    public MavenBuild property(String name, String value) {
        properties.put(name, value);
        return this;
    }

    /**
     * Adds a compile dependency managed by the parent.
     *
     * @param groupId the group
     * @param artifactId the artifact
     * @return this build
     */
    public MavenBuild dependency(String groupId, String artifactId) {
        return dependency(new Dependency(groupId, artifactId, null, null));
    }

    /**
     * Adds a dependency.
     *
     * @param dependency the dependency
     * @return this build
     */
    public MavenBuild dependency(Dependency dependency) {
        dependencies.add(dependency);
        return this;
    }

    /**
     * Adds a plugin.
     *
     * @param plugin the plugin
     * @return this build
     */
    public MavenBuild plugin(Plugin plugin) {
        plugins.add(plugin);
        return this;
    }

    String groupId() {
        return groupId;
    }

    String artifactId() {
        return artifactId;
    }

    String description() {
        return description;
    }

    String parentVersion() {
        return parentVersion;
    }

    Map<String, String> properties() {
        return properties;
    }

    List<Dependency> dependencies() {
        return dependencies;
    }

    List<Plugin> plugins() {
        return plugins;
    }
}
