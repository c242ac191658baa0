package dev.kiln.codegen.contributor.tests;

import dev.kiln.codegen.model.ServiceModel;
import dev.kiln.codegen.spi.ProjectContributor;
import dev.kiln.codegen.spi.ProjectFiles;

/** Contributes the generated project's tests. */
public final class TestContributor implements ProjectContributor {
    @Override
    public void contribute(ServiceModel model, ProjectFiles files) {
        // Filled in below.
    }
}
