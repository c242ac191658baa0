package com.example.tiny.web;

import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * RFC 7396 JSON Merge Patch for {@code application/merge-patch+json}: the current state is
 * rendered as the entity's request record, the patch is merged in, and the result is read
 * back and bean-validated exactly like a PUT body.
 */
@Component
public class MergePatcher {

    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private final JsonMapper jsonMapper;
    private final Validator validator;

    public MergePatcher(JsonMapper jsonMapper, Validator validator) {
        this.jsonMapper = jsonMapper;
        this.validator = validator;
    }

    public <T> T apply(T current, JsonNode patch, Class<T> type) {
        if (patch == null || !patch.isObject()) {
            throw new BadRequestException("body", "merge patch document must be a JSON object");
        }
        JsonNode merged = merge(jsonMapper.valueToTree(current), patch);
        T result = jsonMapper.treeToValue(merged, type); // JacksonException -> 400 in ApiExceptionHandler
        Set<ConstraintViolation<T>> violations = validator.validate(result);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return result;
    }

    /** RFC 7396 section 2, MergePatch(Target, Patch). */
    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject() ? (ObjectNode) target.deepCopy()
                : ((ObjectNode) patch).objectNode();
        for (Map.Entry<String, JsonNode> entry : patch.properties()) {
            if (entry.getValue().isNull()) {
                result.remove(entry.getKey());
            }
            else {
                result.set(entry.getKey(), merge(result.get(entry.getKey()), entry.getValue()));
            }
        }
        return result;
    }
}
