package dev.kiln.codegen.contributor.web;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Contributes one transactional service per entity: list, get, create, replace, merge-patch and delete,
 * with If-Match checks and relation ids resolved to entities (an unknown id is a 400, not a 500); and,
 * once, the {@code <Entity>ServiceCustomizer} whose hooks the service calls ({@link ServiceCustomizers}).
 */
public final class ServiceContributor implements ProjectContributor {
    @Override
    public void contribute(ServiceModel model, ProjectFiles files) {
        for (EntityModel entity : model.entities()) {
            files.addMainJava(entity.packageName(), service(entity, model));
            files.addExtensionPoint(entity.packageName(), ServiceCustomizers.type(entity, model));
        }
    }

    private static TypeSpec service(EntityModel entity, ServiceModel model) {
        ClassName response = entity.type("Response");
        ClassName request = entity.type("Request");
        ClassName pageResponse = model.webType("PageResponse");
        Map<String, ClassName> repositories = repositories(entity);
        TypeSpec.Builder type = TypeSpec.classBuilder(entity.type("Service"))
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("Reads and changes {@link $T} rows for the API.\n", entity.entityType())
                .addAnnotation(Types.SERVICE)
                .addAnnotation(AnnotationSpec.builder(Types.TRANSACTIONAL)
                        .addMember("readOnly", "true")
                        .build());
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC);
        repositories.forEach((name, repoType) -> {
            type.addField(repoType, name, Modifier.PRIVATE, Modifier.FINAL);
            constructor.addParameter(repoType, name).addStatement("this.$N = $N", name, name);
        });
        ClassName patcher = model.webType("MergePatcher");
        type.addField(FieldSpec.builder(patcher, "mergePatcher", Modifier.PRIVATE, Modifier.FINAL)
                .build());
        constructor.addParameter(patcher, "mergePatcher").addStatement("this.mergePatcher = mergePatcher");
        ClassName customizer = ServiceCustomizers.name(entity);
        type.addField(FieldSpec.builder(customizer, "customizer", Modifier.PRIVATE, Modifier.FINAL)
                .build());
        constructor.addParameter(customizer, "customizer").addStatement("this.customizer = customizer");
        type.addMethod(constructor.build());

        ParameterizedTypeName pageOf = ParameterizedTypeName.get(pageResponse, response);
        type.addMethod(MethodSpec.methodBuilder("list")
                .addModifiers(Modifier.PUBLIC)
                .returns(pageOf)
                .addParameter(entity.type("Filter"), "filter")
                .addParameter(Types.PAGEABLE, "pageable")
                .addStatement(
                        "return $T.of(repository.findAll(filter.toSpecification(), pageable), $T::from)",
                        pageResponse,
                        response)
                .build());
        for (RelationModel relation : entity.outgoing()) {
            if (relation.toOne()) {
                type.addMethod(listBy(entity, relation, pageOf, model));
            }
        }
        type.addMethod(MethodSpec.methodBuilder("get")
                .addModifiers(Modifier.PUBLIC)
                .returns(response)
                .addParameter(TypeName.LONG, "id")
                .addStatement("return $T.from(find(id))", response)
                .build());
        String v = entity.variable();
        type.addMethod(writeMethod("create", response)
                .addParameter(request, "request")
                .addStatement("$T $N = new $T()", entity.entityType(), v, entity.entityType())
                .addStatement("apply(request, $N)", v)
                .addStatement("customizer.$N($N)", ServiceCustomizers.BEFORE_CREATE, v)
                .addStatement("return $T.from(repository.saveAndFlush($N))", response, v)
                .build());
        type.addMethod(writeMethod("update", response)
                .addParameter(TypeName.LONG, "id")
                .addParameter(request, "request")
                .addParameter(String.class, "ifMatch")
                .addStatement("$T $N = find(id)", entity.entityType(), v)
                .addStatement("$T.checkIfMatch(ifMatch, $N.getVersion())", model.webType("ETags"), v)
                .addStatement("apply(request, $N)", v)
                .addStatement("customizer.$N($N)", ServiceCustomizers.BEFORE_UPDATE, v)
                .addStatement("return $T.from(repository.saveAndFlush($N))", response, v)
                .build());
        type.addMethod(writeMethod("patch", response)
                .addParameter(TypeName.LONG, "id")
                .addParameter(Types.JSON_NODE, "patch")
                .addParameter(String.class, "ifMatch")
                .addStatement("$T $N = find(id)", entity.entityType(), v)
                .addStatement("$T.checkIfMatch(ifMatch, $N.getVersion())", model.webType("ETags"), v)
                .addStatement("apply(mergePatcher.apply($T.from($N), patch, $T.class), $N)", request, v, request, v)
                .addStatement("customizer.$N($N)", ServiceCustomizers.BEFORE_UPDATE, v)
                .addStatement("return $T.from(repository.saveAndFlush($N))", response, v)
                .build());
        type.addMethod(writeMethod("delete", TypeName.VOID)
                .addParameter(TypeName.LONG, "id")
                .addParameter(String.class, "ifMatch")
                .addStatement("$T $N = find(id)", entity.entityType(), v)
                .addStatement("$T.checkIfMatch(ifMatch, $N.getVersion())", model.webType("ETags"), v)
                .addStatement("customizer.$N($N)", ServiceCustomizers.BEFORE_DELETE, v)
                .addStatement("repository.delete($N)", v)
                .addStatement("repository.flush()")
                .build());
        type.addMethod(MethodSpec.methodBuilder("find")
                .addModifiers(Modifier.PRIVATE)
                .returns(entity.entityType())
                .addParameter(TypeName.LONG, "id")
                .addStatement(
                        "return repository.findById(id).orElseThrow(() -> new $T($S, id))",
                        model.webType("NotFoundException"),
                        entity.spec().name())
                .build());
        type.addMethod(apply(entity, request));
        for (RelationModel relation : entity.outgoing()) {
            type.addMethod(resolver(relation, model));
        }
        return type.build();
    }

    private static Map<String, ClassName> repositories(EntityModel entity) {
        Map<String, ClassName> out = new LinkedHashMap<>();
        out.put("repository", entity.type("Repository"));
        for (RelationModel relation : entity.outgoing()) {
            if (relation.to() != entity) {
                out.putIfAbsent(
                        relation.to().variable() + "Repository", relation.to().type("Repository"));
            }
        }
        return out;
    }

    private static String repositoryOf(RelationModel relation) {
        return relation.to() == relation.from() ? "repository" : relation.to().variable() + "Repository";
    }

    private static MethodSpec.Builder writeMethod(String name, TypeName returns) {
        return MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(Types.TRANSACTIONAL)
                .returns(returns);
    }

    private static MethodSpec listBy(EntityModel entity, RelationModel relation, TypeName pageOf, ServiceModel model) {
        List<CodeBlock> args = new ArrayList<>();
        for (FieldModel field : entity.fields()) {
            if (field.filterable()) {
                args.add(CodeBlock.of("null"));
            }
        }
        for (RelationModel other : entity.outgoing()) {
            if (other.toOne()) {
                args.add(CodeBlock.of(other.equals(relation) ? "parentId" : "null"));
            }
        }
        return MethodSpec.methodBuilder("listBy" + relation.capitalized())
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc(
                        "Lists the rows whose {@code $L} is the given $L: the sub-resource"
                                + " {@code /api/$L/{id}/$L}.\n",
                        relation.property(),
                        relation.to().spec().name(),
                        relation.to().path(),
                        relation.inverse())
                .returns(pageOf)
                .addParameter(TypeName.LONG, "parentId")
                .addParameter(Types.PAGEABLE, "pageable")
                .beginControlFlow("if (!$N.existsById(parentId))", repositoryOf(relation))
                .addStatement(
                        "throw new $T($S, parentId)",
                        model.webType("NotFoundException"),
                        relation.to().spec().name())
                .endControlFlow()
                .addStatement(
                        "$T filter = new $T($L)",
                        entity.type("Filter"),
                        entity.type("Filter"),
                        CodeBlock.join(args, ", "))
                .addStatement(
                        "return $T.of(repository.findAll(filter.toSpecification(), pageable), $T::from)",
                        model.webType("PageResponse"),
                        entity.type("Response"))
                .build();
    }

    private static MethodSpec apply(EntityModel entity, ClassName request) {
        String v = entity.variable();
        MethodSpec.Builder method = MethodSpec.methodBuilder("apply")
                .addModifiers(Modifier.PRIVATE)
                .addParameter(request, "request")
                .addParameter(entity.entityType(), v);
        for (FieldModel field : entity.fields()) {
            if (field.spec().defaultValue() != null) {
                method.addStatement(
                        "$N.set$L(request.$N() != null ? request.$N() : $L)",
                        v,
                        field.capitalized(),
                        field.javaName(),
                        field.javaName(),
                        JavaLiterals.of(field));
            } else {
                method.addStatement("$N.set$L(request.$N())", v, field.capitalized(), field.javaName());
            }
        }
        for (RelationModel relation : entity.outgoing()) {
            if (relation.toOne()) {
                method.addStatement(
                        "$N.set$L($N(request.$N()))",
                        v,
                        relation.capitalized(),
                        resolverName(relation),
                        relation.dtoProperty());
            } else {
                method.addStatement("$N.get$L().clear()", v, relation.capitalized());
                method.addStatement(
                        "$N.get$L().addAll($N(request.$N()))",
                        v,
                        relation.capitalized(),
                        resolverName(relation),
                        relation.dtoProperty());
            }
        }
        return method.build();
    }

    private static String resolverName(RelationModel relation) {
        return "resolve" + relation.capitalized();
    }

    private static MethodSpec resolver(RelationModel relation, ServiceModel model) {
        ClassName target = relation.to().entityType();
        ClassName badRequest = model.webType("BadRequestException");
        String repo = repositoryOf(relation);
        String name = relation.to().spec().name();
        if (relation.toOne()) {
            MethodSpec.Builder method = MethodSpec.methodBuilder(resolverName(relation))
                    .addModifiers(Modifier.PRIVATE)
                    .returns(target)
                    .addParameter(Long.class, "id");
            if (!relation.required()) {
                method.beginControlFlow("if (id == null)")
                        .addStatement("return null")
                        .endControlFlow();
            }
            return method.addStatement(
                            "return $N.findById(id).orElseThrow(() -> new $T($S, $S + id + $S))",
                            repo,
                            badRequest,
                            relation.dtoProperty(),
                            name + " ",
                            " does not exist")
                    .build();
        }
        TypeName setOfIds = ParameterizedTypeName.get(Set.class, Long.class);
        return MethodSpec.methodBuilder(resolverName(relation))
                .addModifiers(Modifier.PRIVATE)
                .returns(ParameterizedTypeName.get(ClassName.get(Set.class), target))
                .addParameter(setOfIds, "ids")
                .beginControlFlow("if (ids == null || ids.isEmpty())")
                .addStatement("return $T.of()", Set.class)
                .endControlFlow()
                .addStatement("$T<$T> found = $N.findAllById(ids)", List.class, target, repo)
                .beginControlFlow("if (found.size() != ids.size())")
                .addStatement("$T missing = new $T<>(ids)", setOfIds, LinkedHashSet.class)
                .addStatement("found.forEach(row -> missing.remove(row.getId()))")
                .addStatement(
                        "throw new $T($S, $S + missing + $S)",
                        badRequest,
                        relation.dtoProperty(),
                        name + " ids ",
                        " do not exist")
                .endControlFlow()
                .addStatement("return new $T<>(found)", LinkedHashSet.class)
                .build();
    }
}
