package dev.kiln.codegen.contributor.web;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.kiln.codegen.model.EntityModel;
import dev.kiln.codegen.model.RelationModel;
import dev.kiln.codegen.model.ServiceModel;
import dev.kiln.codegen.model.Types;
import dev.kiln.codegen.spi.ProjectContributor;
import dev.kiln.codegen.spi.ProjectFiles;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Contributes one REST controller per entity under {@code /api/{plural}}, plus the relation
 * sub-resources ({@code /api/authors/{id}/posts}) on the target's controller.
 */
public final class ControllerContributor implements ProjectContributor {
    private static final ClassName MEDIA_TYPE = ClassName.get("org.springframework.http", "MediaType");

    @Override
    public void contribute(ServiceModel model, ProjectFiles files) {
        for (EntityModel entity : model.entities()) {
            files.addMainJava(entity.packageName(), controller(entity, model));
        }
    }

    private static TypeSpec controller(EntityModel entity, ServiceModel model) {
        ClassName response = entity.type("Response");
        ClassName request = entity.type("Request");
        ClassName pageQuery = model.webType("PageQuery");
        ParameterizedTypeName entityResponse = ParameterizedTypeName.get(Types.RESPONSE_ENTITY, response);
        Map<String, ClassName> services = new LinkedHashMap<>();
        services.put("service", entity.type("Service"));
        for (RelationModel relation : entity.incoming()) {
            if (relation.toOne() && relation.from() != entity) {
                services.putIfAbsent(
                        relation.from().variable() + "Service", relation.from().type("Service"));
            }
        }
        TypeSpec.Builder type = TypeSpec.classBuilder(entity.type("Controller"))
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("REST resource {@code /api/$L}.\n", entity.path())
                .addAnnotation(Types.REST_CONTROLLER)
                .addAnnotation(AnnotationSpec.builder(Types.REQUEST_MAPPING)
                        .addMember("value", "$S", "/api/" + entity.path())
                        .build());
        // Method names become OpenAPI operation ids, so they name the entity: listPosts, getPost, ...
        String single = entity.spec().name();
        String plural = dev.kiln.spec.naming.Names.pascal(entity.path());
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC);
        services.forEach((name, serviceType) -> {
            type.addField(serviceType, name, Modifier.PRIVATE, Modifier.FINAL);
            constructor.addParameter(serviceType, name).addStatement("this.$N = $N", name, name);
        });
        type.addMethod(constructor.build());
        type.addMethod(MethodSpec.methodBuilder("list" + plural)
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(Types.GET_MAPPING)
                .returns(ParameterizedTypeName.get(model.webType("PageResponse"), response))
                .addParameter(validParameterObject(entity.type("Filter"), "filter"))
                .addParameter(validParameterObject(pageQuery, "page"))
                .addStatement("return service.list(filter, page.toPageable($T.SORTABLE))", entity.type("Filter"))
                .build());
        type.addMethod(MethodSpec.methodBuilder("get" + single)
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(mapping(Types.GET_MAPPING, "/{id}"))
                .returns(entityResponse)
                .addParameter(idParameter())
                .addStatement("return withETag($T.ok(), service.get(id))", Types.RESPONSE_ENTITY)
                .build());
        type.addMethod(MethodSpec.methodBuilder("create" + single)
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(AnnotationSpec.builder(Types.POST_MAPPING)
                        .addMember("consumes", "$T.APPLICATION_JSON_VALUE", MEDIA_TYPE)
                        .build())
                .returns(entityResponse)
                .addParameter(body(request))
                .addStatement("$T created = service.create(request)", response)
                .addStatement(
                        "var location = $T.fromCurrentRequest().path($S).buildAndExpand(created.id()).toUri()",
                        Types.URI_BUILDER,
                        "/{id}")
                .addStatement("return withETag($T.created(location), created)", Types.RESPONSE_ENTITY)
                .build());
        type.addMethod(MethodSpec.methodBuilder("replace" + single)
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(AnnotationSpec.builder(Types.PUT_MAPPING)
                        .addMember("path", "$S", "/{id}")
                        .addMember("consumes", "$T.APPLICATION_JSON_VALUE", MEDIA_TYPE)
                        .build())
                .returns(entityResponse)
                .addParameter(idParameter())
                .addParameter(body(request))
                .addParameter(ifMatch())
                .addStatement("return withETag($T.ok(), service.update(id, request, ifMatch))", Types.RESPONSE_ENTITY)
                .build());
        type.addMethod(MethodSpec.methodBuilder("patch" + single)
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(AnnotationSpec.builder(Types.PATCH_MAPPING)
                        .addMember("path", "$S", "/{id}")
                        .addMember("consumes", "$T.MEDIA_TYPE", model.webType("MergePatcher"))
                        .build())
                .returns(entityResponse)
                .addParameter(idParameter())
                .addParameter(ParameterSpec.builder(Types.JSON_NODE, "patch")
                        .addAnnotation(Types.REQUEST_BODY)
                        .build())
                .addParameter(ifMatch())
                .addStatement("return withETag($T.ok(), service.patch(id, patch, ifMatch))", Types.RESPONSE_ENTITY)
                .build());
        type.addMethod(MethodSpec.methodBuilder("delete" + single)
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(mapping(Types.DELETE_MAPPING, "/{id}"))
                .returns(ParameterizedTypeName.get(Types.RESPONSE_ENTITY, ClassName.get(Void.class)))
                .addParameter(idParameter())
                .addParameter(ifMatch())
                .addStatement("service.delete(id, ifMatch)")
                .addStatement("return $T.noContent().build()", Types.RESPONSE_ENTITY)
                .build());
        for (RelationModel relation : entity.incoming()) {
            if (relation.toOne()) {
                type.addMethod(subResource(relation, model, entity));
            }
        }
        type.addMethod(MethodSpec.methodBuilder("withETag")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(entityResponse)
                .addParameter(ClassName.get("org.springframework.http", "ResponseEntity", "BodyBuilder"), "builder")
                .addParameter(response, "body")
                .addStatement("return builder.eTag($T.of(body.version())).body(body)", model.webType("ETags"))
                .build());
        return type.build();
    }

    private static MethodSpec subResource(RelationModel relation, ServiceModel model, EntityModel entity) {
        EntityModel child = relation.from();
        String service = child == entity ? "service" : child.variable() + "Service";
        return MethodSpec.methodBuilder("list" + dev.kiln.spec.naming.Names.pascal(relation.inverse()) + "Of"
                        + entity.spec().name())
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc(
                        "Lists the $L whose {@code $L} is this $L.\n",
                        child.path(),
                        relation.property(),
                        entity.spec().name())
                .addAnnotation(mapping(Types.GET_MAPPING, "/{id}/" + relation.inverse()))
                .returns(ParameterizedTypeName.get(model.webType("PageResponse"), child.type("Response")))
                .addParameter(idParameter())
                .addParameter(validParameterObject(model.webType("PageQuery"), "page"))
                .addStatement(
                        "return $N.listBy$L(id, page.toPageable($T.SORTABLE))",
                        service,
                        relation.capitalized(),
                        child.type("Filter"))
                .build();
    }

    private static AnnotationSpec mapping(ClassName annotation, String path) {
        return AnnotationSpec.builder(annotation).addMember("value", "$S", path).build();
    }

    private static ParameterSpec idParameter() {
        return ParameterSpec.builder(TypeName.LONG, "id")
                .addAnnotation(Types.PATH_VARIABLE)
                .build();
    }

    private static ParameterSpec body(ClassName type) {
        return ParameterSpec.builder(type, "request")
                .addAnnotation(Types.VALID)
                .addAnnotation(Types.REQUEST_BODY)
                .build();
    }

    private static ParameterSpec validParameterObject(ClassName type, String name) {
        return ParameterSpec.builder(type, name)
                .addAnnotation(Types.VALID)
                .addAnnotation(Types.PARAMETER_OBJECT)
                .build();
    }

    private static ParameterSpec ifMatch() {
        return ParameterSpec.builder(String.class, "ifMatch")
                .addAnnotation(AnnotationSpec.builder(Types.REQUEST_HEADER)
                        .addMember("name", "$T.IF_MATCH", Types.HTTP_HEADERS)
                        .addMember("required", "false")
                        .build())
                .build();
    }
}
