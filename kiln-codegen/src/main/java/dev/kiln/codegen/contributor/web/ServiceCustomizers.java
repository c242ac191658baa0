package dev.kiln.codegen.contributor.web;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.kiln.codegen.model.EntityModel;
import dev.kiln.codegen.model.ServiceModel;
import javax.lang.model.element.Modifier;

/**
 * The per-entity extension point of a generated service: {@code <Entity>ServiceCustomizer}, a Spring bean
 * with empty hooks that the service calls before it saves or deletes a row.
 *
 * <p>Kiln creates it once ({@link dev.kiln.codegen.spi.ProjectFiles#addExtensionPoint}) and never writes it
 * again, so the user's code in it survives every regeneration, while the service around it keeps following
 * the spec.
 */
final class ServiceCustomizers {
    /** The suffix of the customizer's class name after the entity's name. */
    static final String SUFFIX = "ServiceCustomizer";

    /** Called after a create request was applied to a new row, before it is saved. */
    static final String BEFORE_CREATE = "beforeCreate";

    /** Called after a replace or merge-patch request was applied, before the row is saved. */
    static final String BEFORE_UPDATE = "beforeUpdate";

    /** Called before a row is deleted. */
    static final String BEFORE_DELETE = "beforeDelete";

    private static final ClassName COMPONENT = ClassName.get("org.springframework.stereotype", "Component");

    private ServiceCustomizers() {}

    /**
     * Returns the customizer's class name.
     *
     * @param entity the entity
     * @return for example {@code com.example.blog.post.PostServiceCustomizer}
     */
    static ClassName name(EntityModel entity) {
        return entity.type(SUFFIX);
    }

    /**
     * Returns the customizer class as Kiln first creates it.
     *
     * @param entity the entity
     * @param model the service
     * @return the type
     */
    static TypeSpec type(EntityModel entity, ServiceModel model) {
        String v = entity.variable();
        return TypeSpec.classBuilder(name(entity))
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc(
                        "Your code around {@link $T}: it calls these hooks inside its transaction.\n\n"
                                + "<p>Kiln created this class once and never writes it again: regenerating the"
                                + " project keeps\nwhat you put here, so it is the place for rules the spec"
                                + " cannot express. Throw\n{@code $T} to refuse a change with a 400.\n",
                        entity.type("Service"),
                        model.webType("BadRequestException"))
                .addAnnotation(COMPONENT)
                .addMethod(hook(BEFORE_CREATE, entity, v, "Runs before a new row is first saved."))
                .addMethod(
                        hook(BEFORE_UPDATE, entity, v, "Runs before a changed row is saved (replace and merge patch)."))
                .addMethod(hook(BEFORE_DELETE, entity, v, "Runs before a row is deleted."))
                .build();
    }

    private static MethodSpec hook(String name, EntityModel entity, String variable, String javadoc) {
        return MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc(javadoc + "\n")
                .addParameter(entity.entityType(), variable)
                .addComment("Yours to fill in.")
                .build();
    }
}
