package dev.kiln.codegen.verify;

import dev.kiln.codegen.model.EntityModel;
import dev.kiln.codegen.model.FieldModel;
import dev.kiln.codegen.model.RelationModel;
import dev.kiln.codegen.model.SampleData;
import dev.kiln.codegen.model.ServiceModel;
import dev.kiln.spec.ServiceSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Derives the smoke-test targets of a generated project from the spec it came from. */
public final class SmokeTargets {
    private SmokeTargets() {}

    /**
     * Returns one target per entity, with valid and invalid bodies from {@link SampleData}.
     *
     * @param spec the spec the project was generated from
     * @return the targets, in spec order; the verifier orders creation by references
     */
    public static List<SmokeTarget> of(ServiceSpec spec) {
        ServiceModel model = ServiceModel.of(spec, "verify");
        List<SmokeTarget> targets = new ArrayList<>();
        for (EntityModel entity : model.entities()) {
            targets.add(new SmokeTarget(
                    entity.spec().name(),
                    entity.path(),
                    SampleData.payload(entity, 0),
                    invalid(entity),
                    patch(entity),
                    references(entity)));
        }
        return targets;
    }

    private static Map<String, Object> invalid(EntityModel entity) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (FieldModel field : entity.fields()) {
            Object value = SampleData.invalidValue(field.spec());
            if (value != null) {
                body.put(field.jsonName(), value);
                break;
            }
        }
        return body;
    }

    private static Map<String, Object> patch(EntityModel entity) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (FieldModel field : entity.fields()) {
            if (!field.spec().unique() && field.type().isText()) {
                body.put(field.jsonName(), SampleData.value(field.spec(), 1));
                break;
            }
        }
        return body;
    }

    private static List<SmokeTarget.Reference> references(EntityModel entity) {
        List<SmokeTarget.Reference> references = new ArrayList<>();
        for (RelationModel relation : entity.outgoing()) {
            references.add(new SmokeTarget.Reference(
                    relation.dtoProperty(), relation.to().spec().name(), !relation.toOne(), relation.required()));
        }
        return references;
    }
}
