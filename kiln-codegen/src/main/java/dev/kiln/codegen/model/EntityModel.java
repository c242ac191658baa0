package dev.kiln.codegen.model;

import com.palantir.javapoet.ClassName;
import dev.kiln.spec.Entity;
import dev.kiln.spec.naming.Names;
import dev.kiln.spec.naming.ReservedWords;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An entity with every name the generated code uses for it.
 *
 * <p>Each entity gets its own package named after it ({@code com.example.blog.post}) holding the JPA
 * entity, repository, service, controller and DTOs: packages by concept, not by layer.
 */
public final class EntityModel {
    /** Simple names the generated code imports; an entity with one of these names gets a suffix. */
    private static final Set<String> TAKEN_SIMPLE_NAMES = Set.of(
            "Object",
            "String",
            "Integer",
            "Long",
            "Boolean",
            "Class",
            "Record",
            "Enum",
            "Void",
            "Math",
            "System",
            "Thread",
            "Process",
            "Module",
            "Package",
            "Override",
            "Character",
            "Number",
            "Short",
            "Byte",
            "Double",
            "Float",
            "Error",
            "Exception",
            "Iterable",
            "Comparable",
            "Runtime",
            "Deprecated",
            "Page",
            "Pageable",
            "Sort",
            "Specification",
            "Entity",
            "Table",
            "Column",
            "Id",
            "Version",
            "Instant",
            "List",
            "Set",
            "Map",
            "Optional",
            "Objects",
            "UUID",
            "BigDecimal",
            "LocalDate",
            "JsonNode",
            "ResponseEntity",
            "HttpStatus",
            "ProblemDetail",
            "Application",
            "Service",
            "Repository",
            "Transactional");

    private final Entity spec;
    private final String packageName;
    private final String simpleName;
    private final String table;
    private final String path;
    private final List<FieldModel> fields;
    private final List<RelationModel> outgoing = new ArrayList<>();
    private final List<RelationModel> incoming = new ArrayList<>();

    EntityModel(Entity spec, String basePackage) {
        this.spec = spec;
        String lower = spec.name().toLowerCase(Locale.ROOT);
        this.packageName = basePackage + "." + (ReservedWords.isJava(lower) ? lower + "_" : lower);
        this.simpleName = TAKEN_SIMPLE_NAMES.contains(spec.name()) ? spec.name() + "Entity" : spec.name();
        String plural = spec.plural() != null ? spec.plural() : Names.plural(Names.camel(spec.name()));
        this.table = SqlNames.safe(Names.snake(plural));
        this.path = Names.kebab(plural);
        this.fields = spec.fields().stream()
                .map(f -> FieldModel.of(f, packageName, simpleName))
                .toList();
    }

    void addOutgoing(RelationModel relation) {
        outgoing.add(relation);
    }

    void addIncoming(RelationModel relation) {
        incoming.add(relation);
    }

    /**
     * Returns the entity as written in the spec.
     *
     * @return the spec entity
     */
    public Entity spec() {
        return spec;
    }

    /**
     * Returns the entity's package.
     *
     * @return for example {@code com.example.blog.post}
     */
    public String packageName() {
        return packageName;
    }

    /**
     * Returns the simple name of the JPA entity class.
     *
     * @return the spec name, or it plus {@code Entity} where it would clash with an imported type
     */
    public String simpleName() {
        return simpleName;
    }

    /**
     * Returns the SQL table name: the snake_case plural.
     *
     * @return for example {@code order_items}
     */
    public String table() {
        return table;
    }

    /**
     * Returns the URL segment under {@code /api}.
     *
     * @return for example {@code order-items}
     */
    public String path() {
        return path;
    }

    /**
     * Returns the lowerCamelCase name for variables.
     *
     * @return for example {@code orderItem}
     */
    public String variable() {
        String camel = Names.camel(spec.name());
        return ReservedWords.isJava(camel) ? camel + "Value" : camel;
    }

    /**
     * Returns the fields, in spec order.
     *
     * @return the fields
     */
    public List<FieldModel> fields() {
        return fields;
    }

    /**
     * Returns the relations this entity owns.
     *
     * @return relations with this entity as {@code from}
     */
    public List<RelationModel> outgoing() {
        return Collections.unmodifiableList(outgoing);
    }

    /**
     * Returns the relations pointing at this entity.
     *
     * @return relations with this entity as {@code to}
     */
    public List<RelationModel> incoming() {
        return Collections.unmodifiableList(incoming);
    }

    /**
     * Returns the class name of a generated type of this entity.
     *
     * @param suffix for example {@code Repository}; empty for the entity itself
     * @return the class name
     */
    public ClassName type(String suffix) {
        return ClassName.get(packageName, (suffix.isEmpty() ? simpleName : spec.name()) + suffix);
    }

    /**
     * Returns the class name of the JPA entity.
     *
     * @return the class name
     */
    public ClassName entityType() {
        return type("");
    }
}
