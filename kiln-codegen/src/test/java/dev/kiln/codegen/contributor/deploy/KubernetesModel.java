package dev.kiln.codegen.contributor.deploy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads manifests strictly against fabric8's model of the Kubernetes API: the kind must be a known
 * type, no field may be unknown to it, and every value must keep its YAML type (a number where
 * Kubernetes wants a string is an error the API server would report).
 *
 * <p>fabric8 keeps unknown fields in each object's {@code additionalProperties} and coerces scalars
 * instead of failing, so both are checked here: the first by walking the parsed objects, the second by
 * writing the object back and comparing it with the YAML tree.
 */
final class KubernetesModel {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private KubernetesModel() {}

    /**
     * Parses one YAML document as a known Kubernetes resource.
     *
     * @param yaml the document
     * @return the resource
     * @throws AssertionError naming every problem found
     */
    static HasMetadata parse(String yaml) {
        List<String> problems = problems(yaml);
        if (!problems.isEmpty()) {
            throw new AssertionError("not a valid Kubernetes resource:\n  " + String.join("\n  ", problems));
        }
        return SERIALIZATION.unmarshal(yaml);
    }

    /**
     * Parses a document as a resource of a given type.
     *
     * @param yaml the document
     * @param type the expected class
     * @param <T> the type
     * @return the resource
     */
    static <T extends HasMetadata> T parse(String yaml, Class<T> type) {
        HasMetadata resource = parse(yaml);
        if (!type.isInstance(resource)) {
            throw new AssertionError("expected a " + type.getSimpleName() + ", got " + resource.getKind());
        }
        return type.cast(resource);
    }

    /**
     * Lists what is wrong with a document; empty when it is a valid resource.
     *
     * @param yaml one YAML document
     * @return the problems, each naming a path
     */
    static List<String> problems(String yaml) {
        List<String> problems = new ArrayList<>();
        Object parsed;
        try {
            parsed = SERIALIZATION.unmarshal(yaml);
        } catch (RuntimeException e) {
            return List.of("does not parse: " + e.getMessage());
        }
        if (!(parsed instanceof HasMetadata resource) || parsed instanceof GenericKubernetesResource) {
            return List.of("not a kind fabric8 knows: " + (parsed == null ? "empty" : parsed.getClass()));
        }
        unknownFields(resource, resource.getKind(), problems);
        JsonNode written = JSON.readTree(SERIALIZATION.asJson(resource));
        differences(YAML.readTree(yaml), written, resource.getKind(), problems);
        return problems;
    }

    private static void unknownFields(Object value, String path, List<String> problems) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> unknownFields(item, path + "." + key, problems));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                unknownFields(list.get(i), path + "[" + i + "]", problems);
            }
        } else if (value != null && value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            for (Method getter : value.getClass().getMethods()) {
                if (isProperty(getter)) {
                    Object property = invoke(getter, value);
                    if (getter.getName().equals("getAdditionalProperties")) {
                        if (property instanceof Map<?, ?> extra && !extra.isEmpty()) {
                            problems.add(path + ": unknown field(s) " + extra.keySet());
                        }
                    } else {
                        unknownFields(property, path + "." + propertyName(getter), problems);
                    }
                }
            }
        }
    }

    private static boolean isProperty(Method method) {
        return method.getName().startsWith("get")
                && method.getParameterCount() == 0
                && !Modifier.isStatic(method.getModifiers())
                && method.getDeclaringClass().getName().startsWith("io.fabric8.kubernetes.api.model");
    }

    private static String propertyName(Method getter) {
        String name = getter.getName().substring(3);
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + getter, e);
        }
    }

    /** Reports values whose type or content changed between the YAML and the model's own rendering. */
    private static void differences(JsonNode expected, JsonNode actual, String path, List<String> problems) {
        if (expected.isObject() && actual.isObject()) {
            for (Map.Entry<String, JsonNode> field : expected.properties()) {
                JsonNode other = actual.get(field.getKey());
                if (other == null) {
                    problems.add(path + "." + field.getKey() + ": dropped by the model");
                } else {
                    differences(field.getValue(), other, path + "." + field.getKey(), problems);
                }
            }
        } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                differences(expected.get(i), actual.get(i), path + "[" + i + "]", problems);
            }
        } else if (!expected.equals(actual)) {
            problems.add(path + ": " + describe(expected) + " reads as " + describe(actual));
        }
    }

    private static String describe(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT) + " " + node;
    }
}
