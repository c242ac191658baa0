package dev.kiln.codegen.model;

import com.palantir.javapoet.ClassName;
import dev.kiln.spec.Entity;
import dev.kiln.spec.Relation;
import dev.kiln.spec.ServiceSpec;
import dev.kiln.spec.naming.Names;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The analysed spec that every contributor reads.
 *
 * <p>Built once per generation by {@link #of(ServiceSpec, String)}; immutable afterwards.
 */
public final class ServiceModel {
    private final ServiceSpec spec;
    private final String kilnVersion;
    private final Map<String, EntityModel> entities;
    private final List<RelationModel> relations;

    private ServiceModel(ServiceSpec spec, String kilnVersion) {
        this.spec = spec;
        this.kilnVersion = kilnVersion;
        this.entities = new LinkedHashMap<>();
        for (Entity entity : spec.entities()) {
            entities.put(entity.name(), new EntityModel(entity, spec.basePackage()));
        }
        this.relations = new ArrayList<>();
        for (Relation relation : spec.relations()) {
            EntityModel from = entity(relation.from());
            EntityModel to = entity(relation.to());
            RelationModel model = RelationModel.of(relation, from, to);
            from.addOutgoing(model);
            to.addIncoming(model);
            relations.add(model);
        }
    }

    /**
     * Analyses a validated spec.
     *
     * @param spec a spec that passed validation
     * @param kilnVersion the Kiln version recorded in generated files
     * @return the model
     */
    public static ServiceModel of(ServiceSpec spec, String kilnVersion) {
        return new ServiceModel(spec, kilnVersion);
    }

    /**
     * Returns the spec.
     *
     * @return the spec
     */
    public ServiceSpec spec() {
        return spec;
    }

    /**
     * Returns the Kiln version doing the generation.
     *
     * @return the version
     */
    public String kilnVersion() {
        return kilnVersion;
    }

    /**
     * Returns the base Java package.
     *
     * @return for example {@code com.example.blog}
     */
    public String basePackage() {
        return spec.basePackage();
    }

    /**
     * Returns the package of shared web support code.
     *
     * @return the base package plus {@code .web}
     */
    public String webPackage() {
        return spec.basePackage() + ".web";
    }

    /**
     * Returns a class in the base package.
     *
     * @param simpleName the simple name
     * @return the class name
     */
    public ClassName baseType(String simpleName) {
        return ClassName.get(spec.basePackage(), simpleName);
    }

    /**
     * Returns a class in the web support package.
     *
     * @param simpleName the simple name
     * @return the class name
     */
    public ClassName webType(String simpleName) {
        return ClassName.get(webPackage(), simpleName);
    }

    /**
     * Returns the PascalCase application class name.
     *
     * @return for example {@code BlogApplication}
     */
    public String applicationName() {
        return Names.pascal(spec.name()) + "Application";
    }

    /**
     * Returns the entities in spec order.
     *
     * @return the entities
     */
    public List<EntityModel> entities() {
        return List.copyOf(entities.values());
    }

    /**
     * Returns the relations in spec order.
     *
     * @return the relations
     */
    public List<RelationModel> relations() {
        return List.copyOf(relations);
    }

    /**
     * Returns an entity by spec name.
     *
     * @param name the PascalCase name
     * @return the entity
     * @throws IllegalArgumentException if the spec has no such entity
     */
    public EntityModel entity(String name) {
        EntityModel entity = entities.get(name);
        if (entity == null) {
            throw new IllegalArgumentException("no entity " + name + "; was the spec validated?");
        }
        return entity;
    }
}
