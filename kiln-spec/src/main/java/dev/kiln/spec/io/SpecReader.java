package dev.kiln.spec.io;

import dev.kiln.spec.InvalidSpecException;
import dev.kiln.spec.ServiceSpec;
import dev.kiln.spec.validation.SchemaCheck;
import dev.kiln.spec.validation.SemanticRules;
import dev.kiln.spec.validation.SpecProblem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a spec from YAML or JSON and proves it sound before anyone builds on it.
 *
 * <p>Reading runs three gates in order, stopping at the first that fails: the text must parse, the tree
 * must satisfy the JSON Schema, and the bound spec must pass {@link SemanticRules}. Every failure is an
 * {@link InvalidSpecException} listing all problems of that gate with their locations.
 */
public final class SpecReader {
    /** The largest spec file accepted, in bytes. Real specs are a few kilobytes. */
    public static final long MAX_BYTES = 1L << 20;

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private final SchemaCheck schemaCheck;

    /** Creates a reader with the published schema. */
    public SpecReader() {
        this(new SchemaCheck());
    }

    /**
     * Creates a reader with a schema check already loaded, to share one between readers.
     *
     * @param schemaCheck the schema check
     */
    public SpecReader(SchemaCheck schemaCheck) {
        this.schemaCheck = schemaCheck;
    }

    /**
     * Reads and validates a spec file; {@code .json} files are read as JSON, anything else as YAML.
     *
     * @param file the spec file
     * @return the validated spec
     * @throws InvalidSpecException if the file is missing, unreadable, too large or invalid
     */
    public ServiceSpec read(Path file) {
        String label = file.toString();
        String text = readText(file, label);
        boolean json = file.getFileName() != null
                && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        return read(text, label, json);
    }

    /**
     * Reads and validates spec text.
     *
     * @param text the spec
     * @param label the name used in messages, such as a file name
     * @param json whether the text is JSON rather than YAML
     * @return the validated spec
     * @throws InvalidSpecException if the text is invalid
     */
    public ServiceSpec read(String text, String label, boolean json) {
        return bindAndCheck(parse(text, label, json));
    }

    /**
     * Parses and schema-checks spec text without binding it, for tools that only need the tree.
     *
     * @param text the spec
     * @param label the name used in messages
     * @param json whether the text is JSON rather than YAML
     * @return the parsed document
     * @throws InvalidSpecException if the text does not parse or breaks the schema
     */
    public SourceDocument parse(String text, String label, boolean json) {
        if (text.isBlank()) {
            throw single(label, "the file is empty; a spec starts with 'kiln: 1' (see 'kiln schema' or examples/)");
        }
        JsonParser parser = json ? JSON.createParser(text) : YAML.createParser(text);
        SourceDocument document = SourceDocument.parse(label, parser);
        if (!document.root().isObject()) {
            throw new InvalidSpecException(
                    List.of(document.problem("", "a spec is a mapping of keys such as 'kiln', 'name' and 'entities'")));
        }
        List<SpecProblem> problems = schemaCheck.check(document.root(), document);
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(problems);
        }
        return document;
    }

    private ServiceSpec bindAndCheck(SourceDocument document) {
        ServiceSpec spec = JSON.treeToValue(document.root(), ServiceSpec.class);
        List<SpecProblem> problems = SemanticRules.check(spec, document);
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(problems);
        }
        return spec;
    }

    private static String readText(Path file, String label) {
        try {
            if (Files.isDirectory(file)) {
                throw single(label, "is a directory; pass a spec file such as " + file.resolve("kiln.yaml"));
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw single(
                        label,
                        String.format(
                                Locale.ROOT,
                                "is %.1f MB; a spec may be at most %d KiB",
                                size / 1_000_000.0,
                                MAX_BYTES / 1024));
            }
            return decode(Files.readAllBytes(file), label);
        } catch (NoSuchFileException e) {
            throw single(label, "no such file; check the path, or create one with 'kiln spec \"...\" > kiln.yaml'");
        } catch (IOException e) {
            throw single(label, "cannot be read: " + e.getMessage());
        }
    }

    private static String decode(byte[] bytes, String label) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw single(label, "is not UTF-8 text; save the spec as UTF-8");
        }
    }

    private static InvalidSpecException single(String label, String message) {
        return new InvalidSpecException(List.of(new SpecProblem(label, 0, 0, "", message)));
    }
}
