package dev.kiln.codegen.model;

import dev.kiln.spec.OnDelete;
import dev.kiln.spec.Relation;
import dev.kiln.spec.RelationKind;
import dev.kiln.spec.naming.Names;
import dev.kiln.spec.naming.RelationNames;
import dev.kiln.spec.naming.ReservedWords;

/**
 * A relation with its generated names.
 *
 * @param spec the relation as written
 * @param from the owning entity
 * @param to the target entity
 * @param property the Java property on the owner
 * @param inverse the sub-resource segment on the target, for example {@code posts}
 * @param dtoProperty the id property in requests and responses: {@code authorId} or {@code tagIds}
 * @param column the foreign key column on the owner (to-one), or the owner's column in the join table
 * @param joinTable the join table (many-to-many), else empty
 * @param inverseColumn the target's column in the join table (many-to-many), else empty
 */
public record RelationModel(
        Relation spec,
        EntityModel from,
        EntityModel to,
        String property,
        String inverse,
        String dtoProperty,
        String column,
        String joinTable,
        String inverseColumn) {

    static RelationModel of(Relation relation, EntityModel from, EntityModel to) {
        String name = RelationNames.property(relation);
        String property = ReservedWords.isJava(name) ? name + "Value" : name;
        String inverse = Names.kebab(RelationNames.inverse(relation));
        if (relation.kind() == RelationKind.MANY_TO_MANY) {
            String ownerColumn = Names.snake(from.spec().name()) + "_id";
            String targetColumn = Names.snake(Names.singular(Names.snake(name))) + "_id";
            if (targetColumn.equals(ownerColumn)) {
                targetColumn = "related_" + targetColumn;
            }
            String joinTable = SqlNames.safe(Names.snake(from.spec().name()) + "_" + Names.snake(name));
            return new RelationModel(
                    relation,
                    from,
                    to,
                    property,
                    inverse,
                    Names.camel(Names.singular(Names.snake(name))) + "Ids",
                    SqlNames.fit(ownerColumn),
                    joinTable,
                    SqlNames.fit(targetColumn));
        }
        return new RelationModel(
                relation,
                from,
                to,
                property,
                inverse,
                property + "Id",
                SqlNames.fit(Names.snake(name) + "_id"),
                "",
                "");
    }

    /**
     * Returns the relation kind.
     *
     * @return the kind
     */
    public RelationKind kind() {
        return spec.kind();
    }

    /**
     * Returns whether the owner holds at most one target.
     *
     * @return true for many-to-one and one-to-one
     */
    public boolean toOne() {
        return spec.kind() != RelationKind.MANY_TO_MANY;
    }

    /**
     * Returns whether every owner row needs a target.
     *
     * @return the spec's required flag
     */
    public boolean required() {
        return spec.required();
    }

    /**
     * Returns the delete rule in effect.
     *
     * @return the rule
     */
    public OnDelete onDelete() {
        return spec.effectiveOnDelete();
    }

    /**
     * Returns the property name with an upper-case first letter.
     *
     * @return for example {@code Author}
     */
    public String capitalized() {
        return Names.capitalize(property);
    }
}
