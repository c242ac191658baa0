package dev.kiln.codegen.contributor.tests;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.kiln.codegen.model.EntityModel;
import dev.kiln.codegen.model.FieldModel;
import dev.kiln.codegen.model.RelationModel;
import dev.kiln.codegen.model.ServiceModel;
import dev.kiln.spec.OnDelete;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.lang.model.element.Modifier;

/** Writes {@code PlatformTest} (OpenAPI, health, metrics) and {@code PostgresIT} (real PostgreSQL). */
final class PlatformTestWriter {
    private static final ClassName RESULT = EntityTestWriter.RESULT;
    private static final ClassName ASSERTIONS = EntityTestWriter.ASSERTIONS;
    private static final ClassName EMBEDDED_PG =
            ClassName.get("io.zonky.test.db.postgres.embedded", "EmbeddedPostgres");
    private static final ClassName REGISTRY =
            ClassName.get("org.springframework.test.context", "DynamicPropertyRegistry");
    private static final ClassName PROPERTY_SOURCE =
            ClassName.get("org.springframework.test.context", "DynamicPropertySource");
    private static final ClassName JDBC = ClassName.get("org.springframework.jdbc.core", "JdbcTemplate");
    private static final ClassName AUTOWIRED =
            ClassName.get("org.springframework.beans.factory.annotation", "Autowired");

    private PlatformTestWriter() {}

    static TypeSpec platformTest(ServiceModel model) {
        MethodSpec.Builder openApi = EntityTestWriterAccess.test("openApiDescribesEveryResource")
                .addStatement(
                        "$T doc = read(getJson($S).andExpect($T.status().isOk()))",
                        EntityTestWriter.JSON_NODE,
                        "/v3/api-docs",
                        RESULT);
        for (EntityModel entity : model.entities()) {
            openApi.addStatement(
                    "$T.assertThat(doc.get($S).has($S)).as($S).isTrue()",
                    ASSERTIONS,
                    "paths",
                    "/api/" + entity.path(),
                    entity.path());
            openApi.addStatement(
                    "$T.assertThat(doc.get($S).has($S)).isTrue()",
                    ASSERTIONS,
                    "paths",
                    "/api/" + entity.path() + "/{id}");
        }
        return TypeSpec.classBuilder("PlatformTest")
                .superclass(TestContributor.testDataType(model))
                .addJavadoc("OpenAPI, health probes and metrics.\n")
                .addMethod(openApi.build())
                .addMethod(EntityTestWriterAccess.test("healthProbesAndMetricsAreExposed")
                        .addStatement(
                                "getJson($S).andExpect($T.status().isOk()).andExpect($T.jsonPath($S).value($S))",
                                "/actuator/health/liveness",
                                RESULT,
                                RESULT,
                                "$.status",
                                "UP")
                        .addStatement(
                                "getJson($S).andExpect($T.status().isOk()).andExpect($T.jsonPath($S).value($S))",
                                "/actuator/health/readiness",
                                RESULT,
                                RESULT,
                                "$.status",
                                "UP")
                        .addStatement(
                                "mvc.perform($T.get($S)).andExpect($T.status().isOk())"
                                        + ".andExpect($T.content().string($T.containsString($S)))",
                                ClassName.get("org.springframework.test.web.servlet.request", "MockMvcRequestBuilders"),
                                "/actuator/prometheus",
                                RESULT,
                                RESULT,
                                EntityTestWriter.MATCHERS,
                                "jvm_memory_used_bytes")
                        .build())
                .build();
    }

    static TypeSpec postgresIt(ServiceModel model) {
        TypeSpec.Builder type = TypeSpec.classBuilder("PostgresIT")
                .superclass(TestContributor.testDataType(model))
                .addJavadoc(
                        "Runs the migrations and the queries on a real PostgreSQL (embedded binaries from Maven Central).\n")
                .addField(FieldSpec.builder(EMBEDDED_PG, "POSTGRES", Modifier.STATIC, Modifier.FINAL)
                        .initializer("start()")
                        .build())
                .addField(
                        FieldSpec.builder(JDBC, "jdbc").addAnnotation(AUTOWIRED).build())
                .addMethod(MethodSpec.methodBuilder("start")
                        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                        .returns(EMBEDDED_PG)
                        .beginControlFlow("try")
                        .addStatement("return $T.builder().start()", EMBEDDED_PG)
                        .nextControlFlow("catch ($T e)", IOException.class)
                        .addStatement("throw new $T(e)", UncheckedIOException.class)
                        .endControlFlow()
                        .build())
                .addMethod(MethodSpec.methodBuilder("datasource")
                        .addAnnotation(PROPERTY_SOURCE)
                        .addModifiers(Modifier.STATIC)
                        .addParameter(REGISTRY, "registry")
                        .addStatement(
                                "registry.add($S, () -> POSTGRES.getJdbcUrl($S, $S))",
                                "spring.datasource.url",
                                "postgres",
                                "postgres")
                        .addStatement("registry.add($S, () -> $S)", "spring.datasource.username", "postgres")
                        .addStatement("registry.add($S, () -> $S)", "spring.datasource.password", "postgres")
                        .build());
        MethodSpec.Builder schema = EntityTestWriterAccess.test("migrationsRanOnPostgres")
                .addStatement(
                        "$T.assertThat(jdbc.queryForObject($S, String.class)).startsWith($S)",
                        ASSERTIONS,
                        "select version()",
                        "PostgreSQL")
                .addStatement(
                        "$T.assertThat(jdbc.queryForObject($S, Integer.class)).isEqualTo(1)",
                        ASSERTIONS,
                        "select count(*) from flyway_schema_history where success and version = '1'");
        type.addMethod(schema.build());
        MethodSpec.Builder crud = EntityTestWriterAccess.test("everyResourceWorksOnPostgres");
        for (EntityModel entity : model.entities()) {
            String path = "/api/" + entity.path();
            String v = entity.variable();
            crud.addStatement(
                            "$T<String, Object> $NBody = $N(nextVariant())",
                            Map.class,
                            v,
                            TestContributor.bodyMethod(entity))
                    .addStatement("long $NId = create($S, $NBody)", v, path, v)
                    .addStatement("getJson($S + $NId).andExpect($T.status().isOk())", path + "/", v, RESULT)
                    .addStatement("getJson($S).andExpect($T.status().isOk())", path + "?sort=id,desc&size=5", RESULT);
            for (FieldModel field : entity.fields()) {
                if (field.queryable() && !dev.kiln.spec.naming.ReservedWords.isJava(field.jsonName())) {
                    crud.addStatement(
                            "getJson($S).andExpect($T.status().isOk())",
                            path + "?sort=" + field.jsonName() + ",asc",
                            RESULT);
                }
            }
            entity.fields().stream()
                    .filter(f -> f.spec().unique())
                    .findFirst()
                    .ifPresent(f -> crud.addStatement(
                                    "$T<String, Object> $NDuplicate = $N(nextVariant())",
                                    Map.class,
                                    v,
                                    TestContributor.bodyMethod(entity))
                            .addStatement("$NDuplicate.put($S, $NBody.get($S))", v, f.jsonName(), v, f.jsonName())
                            .addStatement("postJson($S, $NDuplicate).andExpect(problem(409))", path, v));
            for (RelationModel relation : entity.outgoing()) {
                if (relation.toOne()
                        && relation.required()
                        && relation.onDelete() == OnDelete.RESTRICT
                        && relation.to() != entity) {
                    crud.addStatement(
                            "deleteWith($S + $NBody.get($S), null).andExpect(problem(409))",
                            "/api/" + relation.to().path() + "/",
                            v,
                            relation.dtoProperty());
                }
            }
        }
        return type.addMethod(crud.build()).build();
    }

    /** Shared test-method scaffolding. */
    static final class EntityTestWriterAccess {
        private EntityTestWriterAccess() {}

        static MethodSpec.Builder test(String name) {
            return MethodSpec.methodBuilder(name)
                    .addAnnotation(AnnotationSpec.builder(EntityTestWriter.TEST).build())
                    .addException(Exception.class);
        }
    }
}
