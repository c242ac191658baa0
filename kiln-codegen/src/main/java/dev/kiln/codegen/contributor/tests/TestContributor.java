package dev.kiln.codegen.contributor.tests;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.kiln.codegen.contributor.security.SecurityContributor;
import dev.kiln.codegen.model.EntityModel;
import dev.kiln.codegen.model.FieldModel;
import dev.kiln.codegen.model.RelationModel;
import dev.kiln.codegen.model.ServiceModel;
import dev.kiln.codegen.spi.BundledSource;
import dev.kiln.codegen.spi.ProjectContributor;
import dev.kiln.codegen.spi.ProjectFiles;
import dev.kiln.spec.AuthType;
import dev.kiln.spec.naming.Names;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Contributes the generated project's tests.
 *
 * <p>{@code TestData} builds valid bodies (creating required parents first) with values that vary per
 * call; one {@code *ApiTest} per entity proves CRUD, validation, 404, 409, paging and sub-resources;
 * {@code FuzzApiTest} fires malformed requests at every endpoint; {@code PostgresIT} repeats the essentials
 * on a real PostgreSQL.
 */
public final class TestContributor implements ProjectContributor {
    private static final String ROOT = "/dev/kiln/codegen/testsupport/";

    @Override
    public void contribute(ServiceModel model, ProjectFiles files) {
        String dir = "src/test/java/" + model.basePackage().replace('.', '/') + "/";
        for (String name : List.of("ApiTestSupport", "FuzzTestSupport")) {
            String source = BundledSource.repackaged(ROOT, name, model.basePackage());
            files.addText(dir + name + ".java", source);
        }
        String webDir = "src/test/java/" + model.webPackage().replace('.', '/') + "/";
        files.addText(
                webDir + "ApiDocsGateTest.java", BundledSource.repackaged(ROOT, "ApiDocsGateTest", model.webPackage()));
        files.addTestJava(model.basePackage(), testData(model));
        for (EntityModel entity : model.entities()) {
            files.addTestJava(entity.packageName(), EntityTestWriter.write(entity, model));
        }
        files.addTestJava(model.basePackage(), FuzzTestWriter.write(model));
        files.addTestJava(model.basePackage(), PlatformTestWriter.platformTest(model));
        files.addTestJava(model.basePackage(), PlatformTestWriter.postgresIt(model));
    }

    private static TypeSpec testData(ServiceModel model) {
        TypeSpec.Builder type = TypeSpec.classBuilder("TestData")
                .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                .superclass(model.baseType("ApiTestSupport"))
                .addJavadoc("Valid request bodies for every entity, creating required parents first.\n");
        if (SecurityContributor.type(model) != AuthType.NONE) {
            ClassName registry = ClassName.get("org.springframework.test.context", "DynamicPropertyRegistry");
            type.addMethod(MethodSpec.methodBuilder("security")
                    .addAnnotation(ClassName.get("org.springframework.test.context", "DynamicPropertySource"))
                    .addModifiers(Modifier.STATIC)
                    .addJavadoc("Throwaway secrets and test credentials for every test context.\n")
                    .addParameter(registry, "registry")
                    .addStatement(
                            "$T.properties(registry)",
                            ClassName.get(SecurityContributor.securityPackage(model), "TestSecurity"))
                    .build());
        }
        TypeName body = ParameterizedTypeName.get(Map.class, String.class, Object.class);
        for (EntityModel entity : model.entities()) {
            MethodSpec.Builder builder = MethodSpec.methodBuilder(bodyMethod(entity))
                    .addModifiers(Modifier.PROTECTED)
                    .addJavadoc(
                            "A valid create body for {@code /api/$L}; {@code n} makes unique values differ.\n",
                            entity.path())
                    .addException(Exception.class)
                    .returns(body)
                    .addParameter(TypeName.INT, "n")
                    .addStatement("$T body = new $T<>()", body, LinkedHashMap.class);
            for (FieldModel field : entity.fields()) {
                builder.addStatement("body.put($S, $L)", field.jsonName(), TestValues.valid(field));
            }
            for (RelationModel relation : entity.outgoing()) {
                if (relation.toOne() && relation.required()) {
                    builder.addStatement("body.put($S, $N())", relation.dtoProperty(), createMethod(relation.to()));
                }
            }
            type.addMethod(builder.addStatement("return body").build());
            type.addMethod(MethodSpec.methodBuilder(createMethod(entity))
                    .addModifiers(Modifier.PROTECTED)
                    .addJavadoc(
                            "Creates a valid $L and returns its id.\n",
                            entity.spec().name())
                    .addException(Exception.class)
                    .returns(TypeName.LONG)
                    .addStatement("return create($S, $N(nextVariant()))", "/api/" + entity.path(), bodyMethod(entity))
                    .build());
        }
        return type.build();
    }

    static String bodyMethod(EntityModel entity) {
        return Names.camel(entity.spec().name()) + "Body";
    }

    static String createMethod(EntityModel entity) {
        return "create" + entity.spec().name();
    }

    static ClassName testDataType(ServiceModel model) {
        return model.baseType("TestData");
    }

    static CodeBlock url(EntityModel entity) {
        return CodeBlock.of("$S", "/api/" + entity.path());
    }
}
