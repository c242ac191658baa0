package dev.kiln.codegen;

import dev.kiln.codegen.model.ServiceModel;
import dev.kiln.codegen.spi.ProjectContributor;
import dev.kiln.codegen.spi.ProjectFiles;
import dev.kiln.spec.ServiceSpec;
import dev.kiln.spec.io.SpecReader;
import java.nio.file.Path;

/** Specs for tests: the shipped example and small specs written inline, read through the real reader. */
public final class TestSpecs {
    /** The example spec every contributor must handle; paths are relative to the module directory. */
    public static final Path BLOG = Path.of("../examples/blog.kiln.yaml");

    /**
     * The Kiln version tests generate with, fixed so that expected output does not change with each
     * release.
     */
    public static final String VERSION = "0.0.0-test";

    private static final SpecReader READER = new SpecReader();

    private TestSpecs() {}

    /**
     * Reads and validates the blog example.
     *
     * @return the spec
     */
    public static ServiceSpec blog() {
        return READER.read(BLOG);
    }

    /**
     * Reads and validates a spec file.
     *
     * @param file the file
     * @return the spec
     */
    public static ServiceSpec read(Path file) {
        return READER.read(file);
    }

    /**
     * Reads and validates spec YAML.
     *
     * @param yaml the spec text
     * @return the spec
     */
    public static ServiceSpec yaml(String yaml) {
        return READER.read(yaml, "test.kiln.yaml", false);
    }

    /**
     * Generates a whole project with the standard contributors.
     *
     * @param spec the spec
     * @return the project
     */
    public static GeneratedProject generate(ServiceSpec spec) {
        return new ProjectGenerator(VERSION).generate(spec);
    }

    /**
     * Runs a single contributor, for tests that look at one concern.
     *
     * @param contributor the contributor
     * @param spec the spec
     * @return the files it contributed
     */
    public static GeneratedProject contribute(ProjectContributor contributor, ServiceSpec spec) {
        ProjectFiles files = new ProjectFiles();
        contributor.contribute(ServiceModel.of(spec, VERSION), files);
        return new GeneratedProject(files.view());
    }

    /**
     * Collapses whitespace so assertions on generated Java do not depend on JavaPoet's line breaks.
     *
     * @param source generated source
     * @return the source on one line, single-spaced, without padding inside parentheses
     */
    public static String compact(String source) {
        return source.replaceAll("\\s+", " ").replace("( ", "(").replace(" )", ")");
    }
}
