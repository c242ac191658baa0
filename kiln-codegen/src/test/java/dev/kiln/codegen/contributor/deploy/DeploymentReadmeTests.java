package dev.kiln.codegen.contributor.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.codegen.TestSpecs;
import dev.kiln.codegen.model.ServiceModel;
import dev.kiln.codegen.spi.ProjectFiles;
import org.junit.jupiter.api.Test;

class DeploymentReadmeTests {
    private static final ServiceModel MODEL = ServiceModel.of(TestSpecs.yaml("""
                    kiln: 1
                    name: shop
                    package: com.example.shop
                    entities:
                      - name: Item
                        fields: [{ name: title, type: string }]
                    """), TestSpecs.VERSION);

    private static String readme(String applicationProperties) {
        ProjectFiles files = new ProjectFiles();
        files.addText("src/main/resources/application.properties", applicationProperties);
        return DeploymentReadme.sections(MODEL, files);
    }

    @Test
    void everyVariableIsListedWithWhereItComesFromAndItsDefault() {
        String readme = readme("a=${DB_URL}\nb=${DB_PASSWORD}\nc=${POOL:5}\nd=${NOTE_TOKEN:}\ne=${X:a|b}\n");

        assertThat(readme)
                .contains("| `SPRING_PROFILES_ACTIVE` | ConfigMap | `prod` |")
                .contains("| `DB_URL` | ConfigMap | required |")
                .contains("| `DB_PASSWORD` | Secret | required |")
                .contains("| `POOL` | ConfigMap | `5` |")
                .contains("| `NOTE_TOKEN` | Secret | empty |")
                .contains("| `X` | ConfigMap | `a\\|b` |");
    }

    @Test
    void theSecretCommandNamesTheRequiredSecretKeysAndNoValue() {
        String readme = readme("a=${DB_PASSWORD}\nb=${SIGNING_KEY}\nc=${NOTE_TOKEN:}\n");

        assertThat(readme)
                .contains("""
                        kubectl create secret generic shop-secrets \\
                             --from-literal=DB_PASSWORD="$DB_PASSWORD" \\
                             --from-literal=SIGNING_KEY="$SIGNING_KEY"
                        """)
                .doesNotContain("--from-literal=NOTE_TOKEN")
                .contains("kubectl apply -k k8s/overlays/prod");
    }

    @Test
    void theProdOverlayIsSaidToHideApiDocsOnlyWhenTheServiceHasTheSwitch() {
        assertThat(readme("a=${API_DOCS_ENABLED:true}\n")).contains("three to ten pods, API docs off)");
        assertThat(readme("a=${DB_URL}\n")).contains("three to ten pods)").doesNotContain("API docs off");
    }

    @Test
    void theContainerSectionNamesTheThreeWaysToAnImage() {
        assertThat(readme(""))
                .contains("./mvnw -B package -DskipTests jib:buildTar")
                .contains("docker build -t shop:0.0.1-SNAPSHOT .")
                .contains("./kiln image DIR")
                .contains("user 10001:10001");
    }
}
