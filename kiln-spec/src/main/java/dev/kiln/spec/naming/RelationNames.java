package dev.kiln.spec.naming;

import dev.kiln.spec.Relation;
import dev.kiln.spec.RelationKind;

/**
 * The property names a relation creates on each side, derived when the spec leaves them out.
 *
 * <p>A {@code many-to-one} from {@code Post} to {@code Author} gives {@code Post.author} and the inverse
 * {@code Author.posts}; a {@code many-to-many} from {@code Post} to {@code Tag} gives {@code Post.tags}.
 */
public final class RelationNames {
    private RelationNames() {}

    /**
     * Returns the property on the owning side.
     *
     * @param relation the relation
     * @return {@code name}, or the target's name in lowerCamelCase (plural for many-to-many)
     */
    public static String property(Relation relation) {
        if (relation.name() != null) {
            return relation.name();
        }
        String base = Names.camel(relation.to());
        return relation.kind() == RelationKind.MANY_TO_MANY ? Names.plural(base) : base;
    }

    /**
     * Returns the property on the target side, used for the sub-resource path.
     *
     * @param relation the relation
     * @return {@code inverse}, or the owner's name in lowerCamelCase plural (singular for one-to-one)
     */
    public static String inverse(Relation relation) {
        if (relation.inverse() != null) {
            return relation.inverse();
        }
        String base = Names.camel(relation.from());
        return relation.kind() == RelationKind.ONE_TO_ONE ? base : Names.plural(base);
    }
}
