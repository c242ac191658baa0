package dev.kiln.codegen.contributor.tests;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.kiln.codegen.model.EntityModel;
import dev.kiln.codegen.model.FieldModel;
import dev.kiln.codegen.model.RelationModel;
import dev.kiln.codegen.model.ServiceModel;
import dev.kiln.spec.Field;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/** Writes {@code FuzzApiTest}: the resources and the invalid values each field must reject. */
final class FuzzTestWriter {
    private FuzzTestWriter() {}

    static TypeSpec write(ServiceModel model) {
        ClassName target = model.baseType("FuzzTestSupport").nestedClass("Target");
        List<CodeBlock> targets = new ArrayList<>();
        for (EntityModel entity : model.entities()) {
            CodeBlock.Builder t = CodeBlock.builder()
                    .add(
                            "new $T($S, this::$N)",
                            target,
                            "/api/" + entity.path(),
                            "valid" + entity.spec().name());
            for (FieldModel field : entity.fields()) {
                CodeBlock invalid = invalidValues(field);
                if (!invalid.isEmpty()) {
                    t.add("\n        .field($S, $L)", field.jsonName(), invalid);
                }
                CodeBlock query = invalidQuery(field);
                if (!query.isEmpty() && field.filterable()) {
                    t.add("\n        .filter($S, $L)", field.jsonName(), query);
                }
            }
            for (RelationModel relation : entity.outgoing()) {
                t.add(
                        "\n        .field($S, $N)",
                        relation.dtoProperty(),
                        relation.toOne() ? "REFERENCE" : "REFERENCES");
                if (relation.toOne()) {
                    t.add("\n        .filter($S, $S, $S)", relation.dtoProperty(), "abc", "1.5");
                }
            }
            for (RelationModel relation : entity.incoming()) {
                if (relation.toOne()) {
                    t.add("\n        .subResource($S)", "/api/" + entity.path() + "/{id}/" + relation.inverse());
                }
            }
            targets.add(t.build());
        }
        TypeSpec.Builder type = TypeSpec.classBuilder("FuzzApiTest")
                .superclass(model.baseType("FuzzTestSupport"))
                .addJavadoc("Malformed requests against every resource; see {@link FuzzTestSupport}.\n")
                .addMethod(MethodSpec.methodBuilder("targets")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PROTECTED)
                        .returns(ParameterizedTypeName.get(ClassName.get(List.class), target))
                        .addStatement("return $T.of(\n$L)", List.class, CodeBlock.join(targets, ",\n"))
                        .build());
        for (EntityModel entity : model.entities()) {
            type.addMethod(MethodSpec.methodBuilder("valid" + entity.spec().name())
                    .addModifiers(Modifier.PRIVATE)
                    .returns(ParameterizedTypeName.get(java.util.Map.class, String.class, Object.class))
                    .beginControlFlow("try")
                    .addStatement("return $N(nextVariant())", TestContributor.bodyMethod(entity))
                    .nextControlFlow("catch (Exception e)")
                    .addStatement("throw new $T(e)", IllegalStateException.class)
                    .endControlFlow()
                    .build());
        }
        return type.build();
    }

    private static CodeBlock invalidValues(FieldModel field) {
        Field spec = field.spec();
        return switch (spec.type()) {
            case STRING, TEXT, EMAIL, URL -> {
                Integer max = spec.effectiveMaxLength();
                yield max == null ? CodeBlock.of("TEXTUAL") : CodeBlock.of("TEXTUAL, tooLong($L)", max);
            }
            case INT, LONG -> range(spec, "INTEGRAL");
            case DECIMAL -> range(spec, "DECIMAL");
            case ENUM -> CodeBlock.of("ENUMERATED");
            case DATE, DATETIME -> CodeBlock.of("TEMPORAL");
            case BOOLEAN -> CodeBlock.of("BOOLEAN");
            case UUID -> CodeBlock.of("IDENTIFIER");
            case JSON -> CodeBlock.of("");
        };
    }

    private static CodeBlock range(Field spec, String list) {
        CodeBlock.Builder out = CodeBlock.builder().add(list);
        if (spec.min() != null) {
            out.add(", $S", spec.min().subtract(java.math.BigDecimal.ONE).toPlainString());
        }
        if (spec.max() != null) {
            out.add(", $S", spec.max().add(java.math.BigDecimal.ONE).toPlainString());
        }
        return out.build();
    }

    private static CodeBlock invalidQuery(FieldModel field) {
        return switch (field.type()) {
            case STRING, EMAIL, URL -> CodeBlock.of("$S.repeat(1001)", "y");
            case INT, LONG -> CodeBlock.of("$S, $S, $S", "abc", "1.5", "99999999999999999999");
            case DECIMAL -> CodeBlock.of("$S, $S", "abc", "--1");
            case ENUM -> CodeBlock.of("$S, $S", "NOPE", "1");
            case DATE, DATETIME -> CodeBlock.of("$S", "yesterday");
            case UUID -> CodeBlock.of("$S", "not-a-uuid");
            case BOOLEAN -> CodeBlock.of("$S", "maybe");
            case TEXT, JSON -> CodeBlock.of("");
        };
    }
}
