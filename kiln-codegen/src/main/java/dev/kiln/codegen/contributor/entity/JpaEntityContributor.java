package dev.kiln.codegen.contributor.entity;

import static dev.kiln.codegen.model.Types.COLUMN;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.kiln.codegen.model.EntityModel;
import dev.kiln.codegen.model.FieldModel;
import dev.kiln.codegen.model.JavaLiterals;
import dev.kiln.codegen.model.RelationModel;
import dev.kiln.codegen.model.ServiceModel;
import dev.kiln.codegen.model.Types;
import dev.kiln.codegen.spi.ProjectContributor;
import dev.kiln.codegen.spi.ProjectFiles;
import dev.kiln.spec.Field;
import dev.kiln.spec.FieldType;
import dev.kiln.spec.RelationKind;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Contributes one JPA entity per spec entity, one Java enum per enum field, and a repository each.
 *
 * <p>Entities carry a generated {@code id}, an optimistic-locking {@code version} and creation and update
 * timestamps; relations are lazy and owned by the {@code from} side.
 */
public final class JpaEntityContributor implements ProjectContributor {
    @Override
    public void contribute(ServiceModel model, ProjectFiles files) {
        for (EntityModel entity : model.entities()) {
            files.addMainJava(entity.packageName(), entityClass(entity, model));
            for (FieldModel field : entity.fields()) {
                if (field.enumType() != null) {
                    files.addMainJava(entity.packageName(), enumType(field.enumType(), field.spec()));
                }
            }
            files.addMainJava(entity.packageName(), repository(entity));
        }
    }

    private static TypeSpec entityClass(EntityModel entity, ServiceModel model) {
        TypeSpec.Builder type = TypeSpec.classBuilder(entity.simpleName())
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc(
                        "The $L entity, stored in table {@code $L}.\n",
                        entity.spec().name(),
                        entity.table())
                .addAnnotation(Types.ENTITY)
                .addAnnotation(AnnotationSpec.builder(Types.TABLE)
                        .addMember("name", "$S", entity.table())
                        .build());
        type.addField(FieldSpec.builder(Long.class, "id", Modifier.PRIVATE)
                .addAnnotation(Types.ID)
                .addAnnotation(AnnotationSpec.builder(Types.GENERATED_VALUE)
                        .addMember("strategy", "$T.IDENTITY", Types.GENERATION_TYPE)
                        .build())
                .build());
        type.addField(FieldSpec.builder(TypeName.LONG, "version", Modifier.PRIVATE)
                .addAnnotation(Types.VERSION)
                .build());
        for (FieldModel field : entity.fields()) {
            type.addField(column(field, model));
        }
        for (RelationModel relation : entity.outgoing()) {
            type.addField(association(relation));
        }
        type.addField(timestamp("createdAt", "created_at", false));
        type.addField(timestamp("updatedAt", "updated_at", true));
        type.addMethod(MethodSpec.methodBuilder("onCreate")
                .addAnnotation(Types.PRE_PERSIST)
                .addStatement("createdAt = $T.now().truncatedTo($T.MICROS)", Instant.class, ChronoUnit.class)
                .addStatement("updatedAt = createdAt")
                .build());
        type.addMethod(MethodSpec.methodBuilder("onUpdate")
                .addAnnotation(Types.PRE_UPDATE)
                .addStatement("updatedAt = $T.now().truncatedTo($T.MICROS)", Instant.class, ChronoUnit.class)
                .build());
        type.addMethod(getter("id", ClassName.get(Long.class)));
        type.addMethod(getter("version", TypeName.LONG));
        for (FieldModel field : entity.fields()) {
            type.addMethod(getter(field.javaName(), field.javaType()));
            type.addMethod(setter(field));
        }
        for (RelationModel relation : entity.outgoing()) {
            TypeName relType = relationType(relation);
            type.addMethod(getter(relation.property(), relType));
            type.addMethod(MethodSpec.methodBuilder("set" + relation.capitalized())
                    .addModifiers(Modifier.PUBLIC)
                    .addParameter(relType, relation.property())
                    .addStatement("this.$N = $N", relation.property(), relation.property())
                    .build());
        }
        type.addMethod(getter("createdAt", ClassName.get(Instant.class)));
        type.addMethod(getter("updatedAt", ClassName.get(Instant.class)));
        return type.build();
    }

    private static FieldSpec column(FieldModel field, ServiceModel model) {
        Field spec = field.spec();
        AnnotationSpec.Builder column = AnnotationSpec.builder(COLUMN).addMember("name", "$S", field.column());
        if (spec.required()) {
            column.addMember("nullable", "false");
        }
        switch (spec.type()) {
            case STRING, EMAIL, URL -> column.addMember("length", "$L", spec.effectiveMaxLength());
            case TEXT -> column.addMember("columnDefinition", "$S", "text");
            case JSON -> column.addMember("columnDefinition", "$S", "text");
            case DECIMAL ->
                column.addMember("precision", "$L", spec.effectivePrecision())
                        .addMember("scale", "$L", spec.effectiveScale());
            case ENUM -> column.addMember("length", "$L", field.enumLength());
            default -> {
                // The column type follows from the Java type.
            }
        }
        FieldSpec.Builder builder = FieldSpec.builder(field.javaType(), field.javaName(), Modifier.PRIVATE);
        if (spec.type() == FieldType.ENUM) {
            builder.addAnnotation(AnnotationSpec.builder(Types.ENUMERATED)
                    .addMember("value", "$T.STRING", Types.ENUM_TYPE)
                    .build());
        }
        if (spec.type() == FieldType.JSON) {
            builder.addAnnotation(AnnotationSpec.builder(ClassName.get("jakarta.persistence", "Convert"))
                    .addMember("converter", "$T.class", model.webType("JsonNodeConverter"))
                    .build());
        }
        builder.addAnnotation(column.build());
        if (spec.defaultValue() != null) {
            builder.initializer(JavaLiterals.of(field));
        }
        return builder.build();
    }

    private static FieldSpec association(RelationModel relation) {
        if (relation.kind() == RelationKind.MANY_TO_MANY) {
            return FieldSpec.builder(relationType(relation), relation.property(), Modifier.PRIVATE)
                    .addAnnotation(Types.MANY_TO_MANY)
                    .addAnnotation(AnnotationSpec.builder(Types.JOIN_TABLE)
                            .addMember("name", "$S", relation.joinTable())
                            .addMember("joinColumns", "$L", joinColumn(relation.column()))
                            .addMember("inverseJoinColumns", "$L", joinColumn(relation.inverseColumn()))
                            .build())
                    .initializer("new $T<>()", LinkedHashSet.class)
                    .build();
        }
        ClassName kind = relation.kind() == RelationKind.ONE_TO_ONE ? Types.ONE_TO_ONE : Types.MANY_TO_ONE;
        AnnotationSpec.Builder join =
                AnnotationSpec.builder(Types.JOIN_COLUMN).addMember("name", "$S", relation.column());
        if (relation.required()) {
            join.addMember("nullable", "false");
        }
        if (relation.kind() == RelationKind.ONE_TO_ONE) {
            join.addMember("unique", "true");
        }
        return FieldSpec.builder(relationType(relation), relation.property(), Modifier.PRIVATE)
                .addAnnotation(AnnotationSpec.builder(kind)
                        .addMember("fetch", "$T.LAZY", Types.FETCH_TYPE)
                        .addMember("optional", "$L", !relation.required())
                        .build())
                .addAnnotation(join.build())
                .build();
    }

    private static AnnotationSpec joinColumn(String name) {
        return AnnotationSpec.builder(Types.JOIN_COLUMN)
                .addMember("name", "$S", name)
                .build();
    }

    /**
     * Returns the Java type of a relation property on the owning entity.
     *
     * @param relation the relation
     * @return the target entity, or a set of them for many-to-many
     */
    static TypeName relationType(RelationModel relation) {
        ClassName target = relation.to().entityType();
        return relation.toOne() ? target : ParameterizedTypeName.get(ClassName.get(Set.class), target);
    }

    private static FieldSpec timestamp(String name, String columnName, boolean updatable) {
        AnnotationSpec.Builder column = AnnotationSpec.builder(COLUMN)
                .addMember("name", "$S", columnName)
                .addMember("nullable", "false");
        if (!updatable) {
            column.addMember("updatable", "false");
        }
        return FieldSpec.builder(Instant.class, name, Modifier.PRIVATE)
                .addAnnotation(column.build())
                .build();
    }

    private static MethodSpec getter(String name, TypeName type) {
        String prefix = type.equals(TypeName.BOOLEAN) ? "is" : "get";
        return MethodSpec.methodBuilder(prefix + dev.kiln.spec.naming.Names.capitalize(name))
                .addModifiers(Modifier.PUBLIC)
                .returns(type)
                .addStatement("return $N", name)
                .build();
    }

    private static MethodSpec setter(FieldModel field) {
        MethodSpec.Builder setter = MethodSpec.methodBuilder("set" + field.capitalized())
                .addModifiers(Modifier.PUBLIC)
                .addParameter(field.javaType(), field.javaName());
        if (field.type() == FieldType.DECIMAL) {
            setter.addComment("Same scale as the column, so a fresh response equals what a later read returns.");
            setter.addStatement(CodeBlock.of(
                    "this.$N = $N == null ? null : $N.setScale($L, $T.HALF_UP)",
                    field.javaName(),
                    field.javaName(),
                    field.javaName(),
                    field.spec().effectiveScale(),
                    RoundingMode.class));
        } else {
            setter.addStatement("this.$N = $N", field.javaName(), field.javaName());
        }
        return setter.build();
    }

    private static TypeSpec enumType(ClassName name, Field field) {
        TypeSpec.Builder type = TypeSpec.enumBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("The allowed values of {@code $L}.\n", field.name());
        for (String value : field.values()) {
            type.addEnumConstant(value);
        }
        return type.build();
    }

    private static TypeSpec repository(EntityModel entity) {
        ClassName entityType = entity.entityType();
        return TypeSpec.interfaceBuilder(entity.type("Repository"))
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("Stores {@link $T} rows; filtering goes through specifications.\n", entityType)
                .addSuperinterface(
                        ParameterizedTypeName.get(Types.JPA_REPOSITORY, entityType, ClassName.get(Long.class)))
                .addSuperinterface(ParameterizedTypeName.get(Types.JPA_SPEC_EXECUTOR, entityType))
                .build();
    }
}
