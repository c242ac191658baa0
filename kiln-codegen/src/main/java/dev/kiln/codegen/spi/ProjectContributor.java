package dev.kiln.codegen.spi;

import dev.kiln.codegen.model.ServiceModel;

/**
 * Adds the files of one concern (build, entities, migrations, web, tests, ...) to a generated project.
 *
 * <p>Contributors run in a fixed order and must be pure functions of the model: no clock, no randomness,
 * no file system. That is what makes generation deterministic and regeneration mergeable.
 */
@FunctionalInterface
public interface ProjectContributor {
    /**
     * Contributes files.
     *
     * @param model the analysed spec
     * @param files the project being built
     */
    void contribute(ServiceModel model, ProjectFiles files);
}
