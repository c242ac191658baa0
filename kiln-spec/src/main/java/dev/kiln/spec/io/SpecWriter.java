package dev.kiln.spec.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kiln.spec.ServiceSpec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Writes a spec as canonical YAML or JSON: keys in a fixed order, so equal specs give equal bytes.
 *
 * <p>YAML leaves out {@code false} flags to stay short for people; JSON always carries {@code required}
 * and {@code unique} because other tools read those keys.
 */
public final class SpecWriter {
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .withConfigOverride(
                    boolean.class,
                    o -> o.setInclude(JsonInclude.Value.construct(
                            JsonInclude.Include.NON_DEFAULT, JsonInclude.Include.NON_DEFAULT)))
            .build();
    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private SpecWriter() {}

    /**
     * Writes a spec as YAML.
     *
     * @param spec the spec
     * @return YAML text ending in a newline
     */
    public static String toYaml(ServiceSpec spec) {
        return YAML.writeValueAsString(spec);
    }

    /**
     * Writes a spec as JSON.
     *
     * @param spec the spec
     * @return indented JSON text ending in a newline
     */
    public static String toJson(ServiceSpec spec) {
        return JSON.writeValueAsString(spec) + "\n";
    }
}
