package dev.kiln.codegen.contributor.web;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.kiln.codegen.model.EntityModel;
import dev.kiln.codegen.model.FieldModel;
import dev.kiln.codegen.model.RelationModel;
import dev.kiln.codegen.model.ServiceModel;
import dev.kiln.codegen.model.Types;
import dev.kiln.codegen.spi.ProjectContributor;
import dev.kiln.codegen.spi.ProjectFiles;
import dev.kiln.spec.Field;
import dev.kiln.spec.FieldType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Modifier;

/**
 * Contributes per entity a request record (create, replace and merge-patch target, with Bean Validation
 * constraints from the spec), a response record, and a filter record for list queries.
 *
 * <p>Entities never cross the API: relations travel as ids ({@code authorId}, {@code tagIds}).
 */
public final class DtoContributor implements ProjectContributor {
    /** Upper bound on unbounded text, so a huge string is a 400 rather than a memory problem. */
    static final int MAX_TEXT = 1_000_000;

    /** Upper bound on the ids of one many-to-many relation in a request. */
    static final int MAX_LINKS = 1000;

    @Override
    public void contribute(ServiceModel model, ProjectFiles files) {
        for (EntityModel entity : model.entities()) {
            files.addMainJava(entity.packageName(), request(entity));
            files.addMainJava(entity.packageName(), response(entity));
            files.addMainJava(entity.packageName(), filter(entity, model));
        }
    }

    private static TypeSpec request(EntityModel entity) {
        ClassName self = entity.type("Request");
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
        List<CodeBlock> fromArgs = new ArrayList<>();
        String v = entity.variable();
        for (FieldModel field : entity.fields()) {
            constructor.addParameter(component(field, constraints(field)));
            fromArgs.add(CodeBlock.of("$N.$N()", v, "get" + field.capitalized()));
        }
        for (RelationModel relation : entity.outgoing()) {
            ParameterSpec.Builder p = ParameterSpec.builder(relationIdType(relation, true), relation.dtoProperty());
            if (relation.toOne() && relation.required()) {
                p.addAnnotation(Types.NOT_NULL);
            }
            if (!relation.toOne()) {
                p.addAnnotation(AnnotationSpec.builder(Types.SIZE)
                        .addMember("max", "$L", MAX_LINKS)
                        .build());
            }
            constructor.addParameter(p.build());
            fromArgs.add(relationIds(relation, v, true));
        }
        return TypeSpec.recordBuilder(self)
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc(
                        "Body of create and replace requests for {@code /api/$L}, and the document a merge patch"
                                + " applies to.\n",
                        entity.path())
                .recordConstructor(constructor.build())
                .addMethod(MethodSpec.methodBuilder("from")
                        .addModifiers(Modifier.STATIC)
                        .addJavadoc("Returns the current state of an entity as a request, the base of a merge patch.\n")
                        .returns(self)
                        .addParameter(entity.entityType(), v)
                        .addStatement("return new $T($L)", self, CodeBlock.join(fromArgs, ", "))
                        .build())
                .build();
    }

    private static TypeSpec response(EntityModel entity) {
        ClassName self = entity.type("Response");
        String v = entity.variable();
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addParameter(Long.class, "id");
        List<CodeBlock> args = new ArrayList<>(List.of(CodeBlock.of("$N.getId()", v)));
        for (FieldModel field : entity.fields()) {
            if (field.spec().writeOnly()) {
                continue;
            }
            constructor.addParameter(component(field, List.of()));
            args.add(CodeBlock.of("$N.$N()", v, "get" + field.capitalized()));
        }
        for (RelationModel relation : entity.outgoing()) {
            constructor.addParameter(relationIdType(relation, false), relation.dtoProperty());
            args.add(relationIds(relation, v, false));
        }
        constructor
                .addParameter(TypeName.LONG, "version")
                .addParameter(Instant.class, "createdAt")
                .addParameter(Instant.class, "updatedAt");
        args.add(CodeBlock.of("$N.getVersion()", v));
        args.add(CodeBlock.of("$N.getCreatedAt()", v));
        args.add(CodeBlock.of("$N.getUpdatedAt()", v));
        return TypeSpec.recordBuilder(self)
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("A $L as the API returns it.\n", entity.spec().name())
                .recordConstructor(constructor.build())
                .addMethod(MethodSpec.methodBuilder("from")
                        .addModifiers(Modifier.STATIC)
                        .returns(self)
                        .addParameter(entity.entityType(), v)
                        .addStatement("return new $T($L)", self, CodeBlock.join(args, ", "))
                        .build())
                .build();
    }

    private static TypeSpec filter(EntityModel entity, ServiceModel model) {
        ClassName self = entity.type("Filter");
        ClassName specs = model.webType("Specs");
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
        List<CodeBlock> parts = new ArrayList<>();
        CodeBlock.Builder sortable = CodeBlock.builder().add("$T.ofEntries(", Map.class);
        List<CodeBlock> entries = new ArrayList<>(List.of(CodeBlock.of("$T.entry($S, $S)", Map.class, "id", "id")));
        for (FieldModel field : entity.fields()) {
            if (!field.queryable()) {
                continue;
            }
            entries.add(CodeBlock.of("$T.entry($S, $S)", Map.class, field.jsonName(), field.javaName()));
            if (!field.filterable()) {
                continue;
            }
            ParameterSpec.Builder p = ParameterSpec.builder(field.javaType(), field.javaName());
            if (field.type().isText()) {
                p.addAnnotation(AnnotationSpec.builder(Types.SIZE)
                        .addMember("max", "$L", 1000)
                        .build());
                parts.add(CodeBlock.of("$T.contains($S, $N)", specs, field.javaName(), field.javaName()));
            } else {
                parts.add(CodeBlock.of("$T.equal($S, $N)", specs, field.javaName(), field.javaName()));
            }
            constructor.addParameter(p.build());
        }
        for (RelationModel relation : entity.outgoing()) {
            if (relation.toOne()) {
                constructor.addParameter(Long.class, relation.dtoProperty());
                parts.add(CodeBlock.of("$T.equalId($S, $N)", specs, relation.property(), relation.dtoProperty()));
            }
        }
        entries.add(CodeBlock.of("$T.entry($S, $S)", Map.class, "createdAt", "createdAt"));
        entries.add(CodeBlock.of("$T.entry($S, $S)", Map.class, "updatedAt", "updatedAt"));
        sortable.add(CodeBlock.join(entries, ", ")).add(")");
        ParameterizedTypeName specType = ParameterizedTypeName.get(Types.SPECIFICATION, entity.entityType());
        CodeBlock body = parts.isEmpty()
                ? CodeBlock.of("return $T.unrestricted()", Types.SPECIFICATION)
                : CodeBlock.of("return $T.allOf($L)", Types.SPECIFICATION, CodeBlock.join(parts, ",\n"));
        return TypeSpec.recordBuilder(self)
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc(
                        "Query-parameter filters for {@code GET /api/$L}: text matches case-insensitive"
                                + " \"contains\", everything else equality.\n",
                        entity.path())
                .recordConstructor(constructor.build())
                .addField(FieldSpec.builder(
                                ParameterizedTypeName.get(Map.class, String.class, String.class),
                                "SORTABLE",
                                Modifier.PUBLIC,
                                Modifier.STATIC,
                                Modifier.FINAL)
                        .addJavadoc("Sortable API properties and the entity attributes they sort by.\n")
                        .initializer(sortable.build())
                        .build())
                .addMethod(MethodSpec.methodBuilder("toSpecification")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(specType)
                        .addStatement(body)
                        .build())
                .build();
    }

    private static ParameterSpec component(FieldModel field, List<AnnotationSpec> annotations) {
        ParameterSpec.Builder p =
                ParameterSpec.builder(field.javaType(), field.javaName()).addAnnotations(annotations);
        if (!field.javaName().equals(field.jsonName())) {
            p.addAnnotation(AnnotationSpec.builder(Types.JSON_PROPERTY)
                    .addMember("value", "$S", field.jsonName())
                    .build());
        }
        return p.build();
    }

    private static List<AnnotationSpec> constraints(FieldModel field) {
        Field spec = field.spec();
        List<AnnotationSpec> out = new ArrayList<>();
        boolean mustBePresent = spec.required() && spec.defaultValue() == null;
        if (mustBePresent) {
            out.add(AnnotationSpec.builder(spec.type().isText() ? Types.NOT_BLANK : Types.NOT_NULL)
                    .build());
        }
        if (spec.type().isText()) {
            Integer max = spec.effectiveMaxLength();
            AnnotationSpec.Builder size = AnnotationSpec.builder(Types.SIZE);
            if (spec.minLength() != null) {
                size.addMember("min", "$L", spec.minLength());
            }
            size.addMember("max", "$L", max == null ? MAX_TEXT : max);
            out.add(size.build());
        }
        if (spec.type() == FieldType.EMAIL) {
            out.add(AnnotationSpec.builder(Types.EMAIL).build());
        }
        if (spec.type() == FieldType.URL) {
            out.add(AnnotationSpec.builder(Types.URL).build());
        }
        if (spec.pattern() != null) {
            out.add(AnnotationSpec.builder(Types.PATTERN)
                    .addMember("regexp", "$S", spec.pattern())
                    .build());
        }
        addRange(field, out);
        return out;
    }

    private static void addRange(FieldModel field, List<AnnotationSpec> out) {
        Field spec = field.spec();
        if (spec.type() == FieldType.INT || spec.type() == FieldType.LONG) {
            if (spec.min() != null) {
                out.add(AnnotationSpec.builder(Types.MIN)
                        .addMember("value", "$LL", spec.min().longValue())
                        .build());
            }
            if (spec.max() != null) {
                out.add(AnnotationSpec.builder(Types.MAX)
                        .addMember("value", "$LL", spec.max().longValue())
                        .build());
            }
        }
        if (spec.type() == FieldType.DECIMAL) {
            if (spec.min() != null) {
                out.add(AnnotationSpec.builder(Types.DECIMAL_MIN)
                        .addMember("value", "$S", spec.min().toPlainString())
                        .build());
            }
            if (spec.max() != null) {
                out.add(AnnotationSpec.builder(Types.DECIMAL_MAX)
                        .addMember("value", "$S", spec.max().toPlainString())
                        .build());
            }
            out.add(AnnotationSpec.builder(Types.DIGITS)
                    .addMember("integer", "$L", spec.effectivePrecision() - spec.effectiveScale())
                    .addMember("fraction", "$L", spec.effectiveScale())
                    .build());
        }
    }

    /**
     * Returns the id type of a relation in a DTO.
     *
     * @param relation the relation
     * @param request whether for a request (a set, with non-null elements) or a response (a sorted list)
     * @return {@code Long}, {@code Set<Long>} or {@code List<Long>}
     */
    static TypeName relationIdType(RelationModel relation, boolean request) {
        if (relation.toOne()) {
            return ClassName.get(Long.class);
        }
        TypeName element = request
                ? ClassName.get(Long.class)
                        .annotated(AnnotationSpec.builder(Types.NOT_NULL).build())
                : ClassName.get(Long.class);
        return ParameterizedTypeName.get(ClassName.get(request ? Set.class : List.class), element);
    }

    private static CodeBlock relationIds(RelationModel relation, String v, boolean request) {
        String getter = "get" + relation.capitalized();
        ClassName target = relation.to().entityType();
        if (relation.toOne()) {
            return relation.required()
                    ? CodeBlock.of("$N.$N().getId()", v, getter)
                    : CodeBlock.of("$N.$N() == null ? null : $N.$N().getId()", v, getter, v, getter);
        }
        return request
                ? CodeBlock.of("new $T<>($N.$N().stream().map($T::getId).toList())", TreeSet.class, v, getter, target)
                : CodeBlock.of("$N.$N().stream().map($T::getId).sorted().toList()", v, getter, target);
    }
}
