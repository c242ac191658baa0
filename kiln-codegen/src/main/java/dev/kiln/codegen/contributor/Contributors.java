package dev.kiln.codegen.contributor;

import dev.kiln.codegen.contributor.build.MavenBuildContributor;
import dev.kiln.codegen.contributor.config.ApplicationContributor;
import dev.kiln.codegen.contributor.deploy.DockerfileContributor;
import dev.kiln.codegen.contributor.deploy.KubernetesContributor;
import dev.kiln.codegen.contributor.docs.ReadmeContributor;
import dev.kiln.codegen.contributor.entity.JpaEntityContributor;
import dev.kiln.codegen.contributor.migration.FlywayMigrationContributor;
import dev.kiln.codegen.contributor.ratelimit.RateLimitContributor;
import dev.kiln.codegen.contributor.security.SecurityContributor;
import dev.kiln.codegen.contributor.tests.TestContributor;
import dev.kiln.codegen.contributor.web.ControllerContributor;
import dev.kiln.codegen.contributor.web.DtoContributor;
import dev.kiln.codegen.contributor.web.ServiceContributor;
import dev.kiln.codegen.contributor.web.WebSupportContributor;
import dev.kiln.codegen.spi.ProjectContributor;
import java.util.List;

/** The standard contributors in the order they run. */
public final class Contributors {
    private Contributors() {}

    /**
     * Returns the standard contributors: build, configuration, migration, entities, DTOs, services,
     * controllers, web support, security, rate limits, tests, deployment (Dockerfile, Kubernetes), docs,
     * and the {@code .kiln/} record.
     *
     * @return the contributors, in order
     */
    public static List<ProjectContributor> standard() {
        return List.of(
                new MavenBuildContributor(),
                new ApplicationContributor(),
                new FlywayMigrationContributor(),
                new JpaEntityContributor(),
                new DtoContributor(),
                new ServiceContributor(),
                new ControllerContributor(),
                new WebSupportContributor(),
                new RateLimitContributor(),
                new SecurityContributor(),
                new TestContributor(),
                // Deployment reads the application*.properties written above: keep it after their writers.
                new DockerfileContributor(),
                new KubernetesContributor(),
                new ReadmeContributor(),
                new KilnRecordContributor());
    }
}
