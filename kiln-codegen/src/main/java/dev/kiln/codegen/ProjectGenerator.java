package dev.kiln.codegen;

import dev.kiln.codegen.contributor.Contributors;
import dev.kiln.codegen.model.ServiceModel;
import dev.kiln.codegen.spi.ProjectContributor;
import dev.kiln.codegen.spi.ProjectFiles;
import dev.kiln.spec.ServiceSpec;
import java.util.List;

/**
 * Compiles a validated {@link ServiceSpec} into a Spring Boot project held in memory.
 *
 * <p>Generation is a pure function of the spec and the Kiln version: the same input always gives the
 * same bytes. Use {@link dev.kiln.codegen.writer.ProjectWriter} to put the result on disk.
 */
public final class ProjectGenerator {
    private final List<ProjectContributor> contributors;
    private final String kilnVersion;

    /**
     * Creates a generator with the standard contributors.
     *
     * @param kilnVersion the Kiln version recorded in generated files
     */
    public ProjectGenerator(String kilnVersion) {
        this(Contributors.standard(), kilnVersion);
    }

    /**
     * Creates a generator with a chosen list of contributors, run in order.
     *
     * @param contributors the contributors
     * @param kilnVersion the Kiln version recorded in generated files
     */
    public ProjectGenerator(List<ProjectContributor> contributors, String kilnVersion) {
        this.contributors = List.copyOf(contributors);
        this.kilnVersion = kilnVersion;
    }

    /**
     * Returns the Kiln version this generator records in generated files.
     *
     * @return the version
     */
    public String kilnVersion() {
        return kilnVersion;
    }

    /**
     * Generates the project.
     *
     * @param spec a spec that passed {@link dev.kiln.spec.io.SpecReader} validation
     * @return the generated files
     */
    public GeneratedProject generate(ServiceSpec spec) {
        ServiceModel model = ServiceModel.of(spec, kilnVersion);
        ProjectFiles files = new ProjectFiles();
        for (ProjectContributor contributor : contributors) {
            contributor.contribute(model, files);
        }
        return new GeneratedProject(files.view());
    }
}
