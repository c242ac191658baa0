package dev.kiln.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A whole service description: what {@code kiln.yaml} holds and what the compiler turns into code.
 *
 * @param kiln the spec format version; always {@value #FORMAT_VERSION} for now
 * @param name kebab-case service name, used as the Maven artifactId
 * @param basePackage the Java base package, for example {@code com.example.blog}
 * @param description what the service does
 * @param entities the entities, in order
 * @param relations the relations between entities
 * @param features the cross-cutting features
 */
@JsonPropertyOrder({"kiln", "name", "package", "description", "entities", "relations", "features"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceSpec(
        int kiln,
        String name,
        @JsonProperty("package") String basePackage,
        @Nullable String description,
        List<Entity> entities,
        List<Relation> relations,
        Features features) {

    /** The spec format version this Kiln reads and writes. */
    public static final int FORMAT_VERSION = 1;

    /** Normalises absent lists and features. */
    public ServiceSpec {
        entities = entities == null ? List.of() : List.copyOf(entities);
        relations = relations == null ? List.of() : List.copyOf(relations);
        features = features == null ? Features.NONE : features;
    }

    /**
     * Looks up an entity by name.
     *
     * @param entityName the PascalCase entity name
     * @return the entity, if there is one of that name
     */
    public Optional<Entity> entity(String entityName) {
        return entities.stream().filter(e -> e.name().equals(entityName)).findFirst();
    }
}
