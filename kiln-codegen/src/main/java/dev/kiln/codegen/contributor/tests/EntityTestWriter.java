package dev.kiln.codegen.contributor.tests;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.kiln.codegen.model.EntityModel;
import dev.kiln.codegen.model.FieldModel;
import dev.kiln.codegen.model.RelationModel;
import dev.kiln.codegen.model.ServiceModel;
import dev.kiln.spec.FieldType;
import dev.kiln.spec.OnDelete;
import java.util.Map;
import java.util.Set;

/** Writes one {@code *ApiTest} per entity. */
final class EntityTestWriter {
    static final ClassName TEST = ClassName.get("org.junit.jupiter.api", "Test");
    static final ClassName ASSERTIONS = ClassName.get("org.assertj.core.api", "Assertions");
    static final ClassName MATCHERS = ClassName.get("org.hamcrest", "Matchers");
    static final ClassName RESULT =
            ClassName.get("org.springframework.test.web.servlet.result", "MockMvcResultMatchers");
    static final ClassName JSON_NODE = ClassName.get("tools.jackson.databind", "JsonNode");

    /** Types whose JSON value comes back exactly as sent. */
    private static final Set<FieldType> ECHOED = Set.of(
            FieldType.STRING,
            FieldType.TEXT,
            FieldType.EMAIL,
            FieldType.URL,
            FieldType.INT,
            FieldType.LONG,
            FieldType.BOOLEAN,
            FieldType.DATE,
            FieldType.UUID,
            FieldType.ENUM,
            FieldType.DATETIME);

    private EntityTestWriter() {}

    static TypeSpec write(EntityModel entity, ServiceModel model) {
        TypeSpec.Builder type = TypeSpec.classBuilder(entity.spec().name() + "ApiTest")
                .superclass(TestContributor.testDataType(model))
                .addJavadoc("API tests of {@code /api/$L}.\n", entity.path());
        type.addMethod(crud(entity));
        type.addMethod(invalid(entity));
        type.addMethod(unknownId(entity));
        type.addMethod(paging(entity));
        entity.fields().stream()
                .filter(f -> f.spec().unique())
                .findFirst()
                .ifPresent(f -> type.addMethod(duplicate(entity, f)));
        for (RelationModel relation : entity.outgoing()) {
            if (relation.toOne()
                    && relation.required()
                    && relation.onDelete() == OnDelete.RESTRICT
                    && relation.to() != entity) {
                type.addMethod(restrict(entity, relation));
            }
            if (relation.toOne()) {
                type.addMethod(subResource(entity, relation));
            }
        }
        return type.build();
    }

    private static MethodSpec.Builder test(String name) {
        return MethodSpec.methodBuilder(name).addAnnotation(TEST).addException(Exception.class);
    }

    private static MethodSpec crud(EntityModel entity) {
        String body = TestContributor.bodyMethod(entity);
        MethodSpec.Builder m = test("createReadReplacePatchDeleteRoundTrip")
                .addStatement("$T<String, Object> body = $N(nextVariant())", Map.class, body)
                .addStatement(
                        "$T created = read(postJson($L, body)"
                                + ".andExpect($T.status().isCreated())"
                                + ".andExpect($T.header().string($S, $T.containsString($S)))"
                                + ".andExpect($T.header().string($S, $S)))",
                        JSON_NODE,
                        TestContributor.url(entity),
                        RESULT,
                        RESULT,
                        "Location",
                        MATCHERS,
                        "/api/" + entity.path() + "/",
                        RESULT,
                        "ETag",
                        "\"0\"")
                .addStatement("String url = $S + created.get($S).asLong()", "/api/" + entity.path() + "/", "id");
        for (FieldModel field : entity.fields()) {
            if (field.spec().writeOnly()) {
                m.addStatement(
                        "$T.assertThat(created.has($S)).as($S).isFalse()",
                        ASSERTIONS,
                        field.jsonName(),
                        "write-only " + field.jsonName() + " must never be returned");
            } else if (ECHOED.contains(field.type())) {
                m.addStatement(
                        "$T.assertThat(created.get($S).toString()).as($S).isEqualTo(json.valueToTree(body.get($S)).toString())",
                        ASSERTIONS,
                        field.jsonName(),
                        field.jsonName(),
                        field.jsonName());
            }
        }
        return m.addComment("A read returns exactly what the create returned.")
                .addStatement(
                        "$T.assertThat(read(getJson(url).andExpect($T.status().isOk()))).isEqualTo(created)",
                        ASSERTIONS,
                        RESULT)
                .addStatement("$T<String, Object> replacement = $N(nextVariant())", Map.class, body)
                .addStatement("putJson(url, replacement, $S).andExpect(problem(412))", "\"999\"")
                .addStatement(
                        "String etag = putJson(url, replacement, $S).andExpect($T.status().isOk())"
                                + ".andReturn().getResponse().getHeader($S)",
                        "\"0\"",
                        RESULT,
                        "ETag")
                .addStatement("$T.assertThat(etag).isNotNull()", ASSERTIONS)
                .addStatement("patchJson(url, $S, $S).andExpect(problem(412))", "{}", "\"999\"")
                .addStatement(
                        "String etag2 = patchJson(url, $S, etag).andExpect($T.status().isOk())"
                                + ".andReturn().getResponse().getHeader($S)",
                        "{}",
                        RESULT,
                        "ETag")
                .addStatement("deleteWith(url, $S).andExpect(problem(412))", "\"999\"")
                .addStatement("deleteWith(url, etag2).andExpect($T.status().isNoContent())", RESULT)
                .addStatement("getJson(url).andExpect(problem(404))")
                .build();
    }

    private static MethodSpec invalid(EntityModel entity) {
        MethodSpec.Builder m = test("invalidInputIsRejectedWithFieldErrors")
                .addStatement("postJson($L, $S).andExpect(problem(400))", TestContributor.url(entity), "{\"broken\":")
                .addStatement("$T<String, Object> body", Map.class);
        for (FieldModel field : entity.fields()) {
            String invalid = TestValues.invalidJson(field);
            if (!invalid.isEmpty()) {
                rejected(
                        m,
                        entity,
                        CodeBlock.of("body.put($S, json.readTree($S))", field.jsonName(), invalid),
                        field.jsonName());
            }
            if (field.spec().required() && field.spec().defaultValue() == null) {
                rejected(m, entity, CodeBlock.of("body.remove($S)", field.jsonName()), field.jsonName());
            }
        }
        for (RelationModel relation : entity.outgoing()) {
            if (relation.toOne() && relation.required()) {
                rejected(
                        m,
                        entity,
                        CodeBlock.of("body.put($S, 987654321L)", relation.dtoProperty()),
                        relation.dtoProperty());
            }
        }
        return m.build();
    }

    /** Adds: a fresh valid body, one change that breaks it, and a 400 naming {@code field}. */
    private static void rejected(MethodSpec.Builder m, EntityModel entity, CodeBlock breakIt, String field) {
        m.addStatement("body = $N(nextVariant())", TestContributor.bodyMethod(entity))
                .addStatement(breakIt)
                .addStatement(
                        "postJson($L, body).andExpect(problem(400)).andExpect($T.jsonPath($S, $T.hasItem($S)))",
                        TestContributor.url(entity),
                        RESULT,
                        "$.errors[*].field",
                        MATCHERS,
                        field);
    }

    private static MethodSpec unknownId(EntityModel entity) {
        String url = "/api/" + entity.path() + "/987654321";
        return test("unknownIdIs404")
                .addStatement("getJson($S).andExpect(problem(404))", url)
                .addStatement(
                        "putJson($S, $N(nextVariant()), null).andExpect(problem(404))",
                        url,
                        TestContributor.bodyMethod(entity))
                .addStatement("patchJson($S, $S, null).andExpect(problem(404))", url, "{}")
                .addStatement("deleteWith($S, null).andExpect(problem(404))", url)
                .build();
    }

    private static MethodSpec paging(EntityModel entity) {
        String path = "/api/" + entity.path();
        return test("listPagesAndSortsAndRejectsBadParameters")
                .addStatement("long first = $N()", TestContributor.createMethod(entity))
                .addStatement("long second = $N()", TestContributor.createMethod(entity))
                .addStatement("long third = $N()", TestContributor.createMethod(entity))
                .addStatement(
                        "$T page = read(getJson($S).andExpect($T.status().isOk()))",
                        JSON_NODE,
                        path + "?size=2&sort=id,desc",
                        RESULT)
                .addStatement("$T.assertThat(page.get($S).size()).isEqualTo(2)", ASSERTIONS, "content")
                .addStatement(
                        "$T.assertThat(page.get($S).get(0).get($S).asLong()).isGreaterThanOrEqualTo(third)",
                        ASSERTIONS,
                        "content",
                        "id")
                .addStatement(
                        "$T.assertThat(page.get($S).get(0).get($S).asLong())"
                                + ".isGreaterThan(page.get($S).get(1).get($S).asLong())",
                        ASSERTIONS,
                        "content",
                        "id",
                        "content",
                        "id")
                .addStatement(
                        "$T.assertThat(page.get($S).get($S).asLong()).isGreaterThanOrEqualTo(3)",
                        ASSERTIONS,
                        "page",
                        "totalElements")
                .addStatement("$T.assertThat(page.get($S).get($S).asInt()).isEqualTo(2)", ASSERTIONS, "page", "size")
                .addStatement("$T.assertThat(first).isLessThan(second)", ASSERTIONS)
                .addStatement("getJson($S).andExpect(problem(400))", path + "?sort=noSuchField")
                .addStatement("getJson($S).andExpect(problem(400))", path + "?size=0")
                .addStatement("getJson($S).andExpect(problem(400))", path + "?page=-1")
                .build();
    }

    private static MethodSpec duplicate(EntityModel entity, FieldModel field) {
        String body = TestContributor.bodyMethod(entity);
        return test("duplicate" + field.capitalized() + "Is409")
                .addStatement("$T<String, Object> first = $N(nextVariant())", Map.class, body)
                .addStatement("create($L, first)", TestContributor.url(entity))
                .addStatement("$T<String, Object> second = $N(nextVariant())", Map.class, body)
                .addStatement("second.put($S, first.get($S))", field.jsonName(), field.jsonName())
                .addStatement("postJson($L, second).andExpect(problem(409))", TestContributor.url(entity))
                .build();
    }

    private static MethodSpec restrict(EntityModel entity, RelationModel relation) {
        return test("deletingReferenced" + relation.capitalized() + "Is409")
                .addStatement(
                        "$T<String, Object> body = $N(nextVariant())", Map.class, TestContributor.bodyMethod(entity))
                .addStatement("create($L, body)", TestContributor.url(entity))
                .addStatement(
                        "deleteWith($S + body.get($S), null).andExpect(problem(409))",
                        "/api/" + relation.to().path() + "/",
                        relation.dtoProperty())
                .build();
    }

    private static MethodSpec subResource(EntityModel entity, RelationModel relation) {
        String parentPath = "/api/" + relation.to().path() + "/";
        MethodSpec.Builder m = test(dev.kiln.spec.naming.Names.camel(relation.inverse()) + "OfA"
                        + relation.to().spec().name() + "AreListed")
                .addStatement("long parent = $N()", TestContributor.createMethod(relation.to()))
                .addStatement(
                        "$T<String, Object> body = $N(nextVariant())", Map.class, TestContributor.bodyMethod(entity))
                .addStatement("body.put($S, parent)", relation.dtoProperty())
                .addStatement("long child = create($L, body)", TestContributor.url(entity))
                .addStatement(
                        "$T list = read(getJson($S + parent + $S).andExpect($T.status().isOk()))",
                        JSON_NODE,
                        parentPath,
                        "/" + relation.inverse(),
                        RESULT)
                .addStatement(
                        "$T.assertThat(list.get($S).findValues($S)).extracting($T::asLong).containsExactly(child)",
                        ASSERTIONS,
                        "content",
                        "id",
                        JSON_NODE)
                .addStatement("getJson($S).andExpect(problem(404))", parentPath + "987654321/" + relation.inverse());
        return m.build();
    }
}
