package dev.kiln.codegen.contributor.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.codegen.GeneratedProject;
import dev.kiln.codegen.TestSpecs;
import dev.kiln.codegen.contributor.build.ContainerImage;
import dev.kiln.codegen.model.ServiceModel;
import dev.kiln.codegen.spi.ProjectFiles;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KubernetesContributorTests {
    private static final String BASE = "k8s/base/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:?)");

    private static final GeneratedProject TINY =
            TestSpecs.generate(TestSpecs.read(Path.of("src/test/resources/golden/tiny.kiln.yaml")));
    private static final GeneratedProject BLOG = TestSpecs.generate(TestSpecs.blog());
    private static final GeneratedProject WITH_FEATURES = TestSpecs.generate(TestSpecs.yaml("""
            kiln: 1
            name: user-service
            package: com.example.users
            entities:
              - name: Account
                fields:
                  - { name: email, type: email, required: true, unique: true }
            features:
              auth: { type: oauth2, roles: [USER, ADMIN] }
              rateLimit: { requests: 50, per: minute, key: ip }
            """));

    static Stream<Named<GeneratedProject>> projects() {
        return Stream.of(
                Named.of("tiny", TINY), Named.of("blog", BLOG), Named.of("auth and rate limit", WITH_FEATURES));
    }

    @Nested
    class ApiModel {
        @ParameterizedTest
        @MethodSource("dev.kiln.codegen.contributor.deploy.KubernetesContributorTests#projects")
        void everyManifestAndPatchIsAKnownKindWithOnlyKnownFields(GeneratedProject project) {
            List<String> manifests = manifests(project);

            assertThat(manifests).hasSizeGreaterThanOrEqualTo(10);
            for (String path : manifests) {
                assertThat(KubernetesModel.problems(project.text(path)))
                        .as(path)
                        .isEmpty();
            }
        }

        @Test
        void theStrictReaderRejectsUnknownFieldsMistypedValuesAndUnknownKinds() {
            String deployment = TINY.text(BASE + "deployment.yaml");
            String configMap = TINY.text(BASE + "configmap.yaml");

            assertThat(KubernetesModel.problems(
                            deployment.replace("  revisionHistoryLimit:", "  replica: 3\n  revisionHistoryLimit:")))
                    .containsExactly("Deployment.spec: unknown field(s) [replica]");
            assertThat(KubernetesModel.problems(configMap.replace("DB_POOL_SIZE: \"10\"", "DB_POOL_SIZE: 10")))
                    .containsExactly("ConfigMap.data.DB_POOL_SIZE: number 10 reads as string \"10\"");
            assertThat(KubernetesModel.problems("apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n"))
                    .singleElement()
                    .asString()
                    .startsWith("not a kind fabric8 knows");
            assertThatThrownBy(() -> KubernetesModel.parse(configMap, Service.class))
                    .hasMessage("expected a Service, got ConfigMap");
        }
    }

    @Nested
    class Wiring {
        @ParameterizedTest
        @MethodSource("dev.kiln.codegen.contributor.deploy.KubernetesContributorTests#projects")
        void selectorsOfEveryResourceMatchThePodLabels(GeneratedProject project) {
            Deployment deployment = deployment(project);
            Map<String, String> podLabels =
                    deployment.getSpec().getTemplate().getMetadata().getLabels();
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();

            assertThat(podLabels)
                    .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
            assertThat(podLabels)
                    .containsAllEntriesOf(parse(project, "service.yaml", Service.class)
                            .getSpec()
                            .getSelector());
            assertThat(podLabels)
                    .containsAllEntriesOf(parse(project, "pdb.yaml", PodDisruptionBudget.class)
                            .getSpec()
                            .getSelector()
                            .getMatchLabels());
            assertThat(podLabels)
                    .containsAllEntriesOf(parse(project, "networkpolicy.yaml", NetworkPolicy.class)
                            .getSpec()
                            .getPodSelector()
                            .getMatchLabels());
            assertThat(podLabels)
                    .containsAllEntriesOf(pod.getTopologySpreadConstraints()
                            .get(0)
                            .getLabelSelector()
                            .getMatchLabels());
            assertThat(deployment.getSpec().getSelector().getMatchLabels()).isNotEmpty();
        }

        @ParameterizedTest
        @MethodSource("dev.kiln.codegen.contributor.deploy.KubernetesContributorTests#projects")
        void serviceProbesAndNetworkPolicyUseTheContainerPort(GeneratedProject project) {
            Container container = container(project);
            ContainerPort port = container.getPorts().get(0);
            Service service = parse(project, "service.yaml", Service.class);
            NetworkPolicy policy = parse(project, "networkpolicy.yaml", NetworkPolicy.class);

            assertThat(port.getContainerPort()).isEqualTo(ContainerImage.PORT);
            assertThat(service.getSpec().getPorts())
                    .singleElement()
                    .satisfies(p -> assertThat(p.getTargetPort().getStrVal()).isEqualTo(port.getName()));
            for (Probe probe :
                    List.of(container.getStartupProbe(), container.getLivenessProbe(), container.getReadinessProbe())) {
                assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo(port.getName());
            }
            assertThat(policy.getSpec()
                            .getIngress()
                            .get(0)
                            .getPorts()
                            .get(0)
                            .getPort()
                            .getStrVal())
                    .isEqualTo(port.getName());
        }

        @ParameterizedTest
        @MethodSource("dev.kiln.codegen.contributor.deploy.KubernetesContributorTests#projects")
        void probesCallTheActuatorHealthGroupsTheApplicationEnables(GeneratedProject project) throws IOException {
            Properties app = properties(project, "application.properties");
            Container container = container(project);

            assertThat(app.getProperty("management.endpoint.health.probes.enabled"))
                    .isEqualTo("true");
            assertThat(app.getProperty("management.endpoints.web.exposure.include"))
                    .contains("health");
            assertThat(app.getProperty("management.endpoints.web.base-path", "/actuator"))
                    .isEqualTo("/actuator");
            assertThat(app.getProperty("management.server.port"))
                    .as("probes use the application port")
                    .isNull();
            assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
            assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
            assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
        }

        @ParameterizedTest
        @MethodSource("dev.kiln.codegen.contributor.deploy.KubernetesContributorTests#projects")
        void everyVariableTheConfigurationReadsComesFromTheConfigMapOrTheSecret(GeneratedProject project) {
            Set<String> referenced = referencedVariables(project, false);
            Map<String, EnvVar> env = env(project);
            ConfigMap configMap = parse(project, "configmap.yaml", ConfigMap.class);
            Secret template = KubernetesModel.parse(project.text(KubernetesContributor.SECRET_TEMPLATE), Secret.class);

            assertThat(referenced).contains("DB_URL", "DB_PASSWORD");
            assertThat(env.keySet()).containsAll(referenced).contains("SPRING_PROFILES_ACTIVE");
            for (EnvVar variable : env.values()) {
                var fromConfigMap = variable.getValueFrom().getConfigMapKeyRef();
                var fromSecret = variable.getValueFrom().getSecretKeyRef();
                if (fromConfigMap != null) {
                    assertThat(fromConfigMap.getName())
                            .isEqualTo(configMap.getMetadata().getName());
                    assertThat(configMap.getData()).containsKey(fromConfigMap.getKey());
                    assertThat(AppEnvironment.isSecretName(variable.getName())).isFalse();
                } else {
                    assertThat(fromSecret.getName())
                            .isEqualTo(template.getMetadata().getName());
                    assertThat(AppEnvironment.isSecretName(variable.getName())).isTrue();
                    if (!Boolean.TRUE.equals(fromSecret.getOptional())) {
                        assertThat(template.getStringData()).containsKey(fromSecret.getKey());
                    }
                }
            }
            assertThat(configMap.getData()).containsEntry("SPRING_PROFILES_ACTIVE", AppEnvironment.CLUSTER_PROFILE);
        }

        @ParameterizedTest
        @MethodSource("dev.kiln.codegen.contributor.deploy.KubernetesContributorTests#projects")
        void requiredVariablesAreNeverOptionalAndTheSecretTemplateHoldsOnlyPlaceholders(GeneratedProject project) {
            Set<String> required = referencedVariables(project, true);
            Secret template = KubernetesModel.parse(project.text(KubernetesContributor.SECRET_TEMPLATE), Secret.class);

            for (EnvVar variable : env(project).values()) {
                var fromSecret = variable.getValueFrom().getSecretKeyRef();
                if (fromSecret != null && required.contains(variable.getName())) {
                    assertThat(fromSecret.getOptional()).as(variable.getName()).isNull();
                }
            }
            assertThat(template.getData()).isNullOrEmpty();
            assertThat(template.getStringData().values()).containsOnly(BaseManifests.PLACEHOLDER);
            assertThat(project.text(KubernetesContributor.SECRET_TEMPLATE))
                    .contains("kubectl create secret generic "
                            + template.getMetadata().getName());
            assertThat(env(project).values())
                    .as("every variable comes from a reference, none has a literal value")
                    .allSatisfy(variable -> assertThat(variable.getValue()).isNull());
        }

        @ParameterizedTest
        @MethodSource("dev.kiln.codegen.contributor.deploy.KubernetesContributorTests#projects")
        void theAutoscalerTargetsTheDeploymentWhichLeavesItTheReplicaCount(GeneratedProject project) {
            HorizontalPodAutoscaler hpa = parse(project, "hpa.yaml", HorizontalPodAutoscaler.class);
            Deployment deployment = deployment(project);

            assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
            assertThat(hpa.getSpec().getScaleTargetRef().getApiVersion()).isEqualTo(deployment.getApiVersion());
            assertThat(hpa.getSpec().getScaleTargetRef().getName())
                    .isEqualTo(deployment.getMetadata().getName());
            assertThat(hpa.getSpec().getMetrics()).singleElement().satisfies(metric -> {
                assertThat(metric.getResource().getName()).isEqualTo("cpu");
                assertThat(metric.getResource().getTarget().getAverageUtilization())
                        .isPositive();
            });
            assertThat(deployment.getSpec().getReplicas()).isNull();
            assertThat(container(project).getResources().getRequests()).containsKeys("cpu", "memory");
        }
    }

    @Nested
    class Hardening {
        @Test
        void podsRunAsNonRootOnAReadOnlyRootWithOnlyTmpWritable() {
            PodSpec pod = deployment(TINY).getSpec().getTemplate().getSpec();
            Container container = container(TINY);

            assertThat(pod.getAutomountServiceAccountToken()).isFalse();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(ContainerImage.USER_ID);
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem())
                    .isTrue();
            assertThat(container.getSecurityContext().getAllowPrivilegeEscalation())
                    .isFalse();
            assertThat(container.getSecurityContext().getCapabilities().getDrop())
                    .containsExactly("ALL");
            assertThat(container.getVolumeMounts())
                    .singleElement()
                    .satisfies(mount -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));
            assertThat(pod.getVolumes())
                    .singleElement()
                    .satisfies(volume -> assertThat(volume.getEmptyDir()).isNotNull());
        }

        @Test
        void theMemoryLimitIsWhatTheHeapPercentageOfTheImageRefersTo() {
            Container container = container(TINY);

            assertThat(container.getResources().getLimits()).containsKey("memory");
            assertThat(container.getResources().getLimits().get("memory"))
                    .isEqualTo(container.getResources().getRequests().get("memory"));
            assertThat(ContainerImage.jvmFlags())
                    .contains("-XX:MaxRAMPercentage=" + ContainerImage.MAX_RAM_PERCENTAGE)
                    .noneMatch(flag -> flag.startsWith("-Xmx"));
        }
    }

    @Nested
    class Environment {
        @Test
        void variablesOtherFeaturesAddToTheConfigurationAreWiredWithoutChangesHere() {
            ProjectFiles files = new ProjectFiles();
            files.addText("src/main/resources/application.properties", """
                    spring.security.oauth2.authorizationserver.issuer=${JWT_ISSUER:http://localhost:8080}
                    kiln.rate-limit.requests=${RATE_LIMIT_REQUESTS:50}
                    kiln.auth.signing-key=${JWT_SIGNING_KEY}
                    kiln.auth.client-secret=${OAUTH_CLIENT_SECRET:}
                    """);
            files.addText("src/main/resources/application-prod.properties", "spring.datasource.url=${DB_URL}\n");
            new KubernetesContributor().contribute(ServiceModel.of(TestSpecs.yaml("""
                            kiln: 1
                            name: auth
                            package: com.example.auth
                            entities:
                              - name: Account
                                fields: [{ name: email, type: email }]
                            """), TestSpecs.VERSION), files);
            GeneratedProject project = new GeneratedProject(files.view());

            Map<String, EnvVar> env = env(project);
            ConfigMap configMap = parse(project, "configmap.yaml", ConfigMap.class);
            Secret template = KubernetesModel.parse(project.text(KubernetesContributor.SECRET_TEMPLATE), Secret.class);

            assertThat(env.keySet())
                    .containsExactly(
                            "DB_URL",
                            "JWT_ISSUER",
                            "JWT_SIGNING_KEY",
                            "OAUTH_CLIENT_SECRET",
                            "RATE_LIMIT_REQUESTS",
                            "SPRING_PROFILES_ACTIVE");
            assertThat(configMap.getData())
                    .containsEntry("JWT_ISSUER", "http://localhost:8080")
                    .containsEntry("RATE_LIMIT_REQUESTS", "50")
                    .containsEntry("DB_URL", "jdbc:postgresql://postgres:5432/auth")
                    .doesNotContainKeys("JWT_SIGNING_KEY", "OAUTH_CLIENT_SECRET");
            assertThat(template.getStringData()).containsOnlyKeys("JWT_SIGNING_KEY");
            assertThat(secretRef(env, "OAUTH_CLIENT_SECRET").getOptional()).isTrue();
            assertThat(secretRef(env, "JWT_SIGNING_KEY").getOptional()).isNull();
            assertThat(project.text(KubernetesContributor.SECRET_TEMPLATE))
                    .contains("--from-literal=JWT_SIGNING_KEY=\"$JWT_SIGNING_KEY\"")
                    .contains("Optional keys (the service has a default; add them only to override it): "
                            + "OAUTH_CLIENT_SECRET");
        }
    }

    @Nested
    class Overlays {
        @ParameterizedTest
        @MethodSource("dev.kiln.codegen.contributor.deploy.KubernetesContributorTests#projects")
        void kustomizationsReferenceFilesThatExistAndPatchResourcesOfTheBase(GeneratedProject project) {
            Set<String> baseResources = new TreeSet<>();
            for (String resource :
                    Kustomization.read(project, BASE + "kustomization.yaml").resources()) {
                assertThat(project.contains(BASE + resource)).as(resource).isTrue();
                baseResources.add(key(KubernetesModel.parse(project.text(BASE + resource))));
            }
            for (String overlay : List.of("k8s/overlays/dev/", "k8s/overlays/prod/")) {
                Kustomization kustomization = Kustomization.read(project, overlay + "kustomization.yaml");
                assertThat(kustomization.resources()).containsExactly("../../base");
                assertThat(kustomization.patches()).isNotEmpty();
                for (String patch : kustomization.patches()) {
                    assertThat(project.contains(overlay + patch))
                            .as(overlay + patch)
                            .isTrue();
                    assertThat(baseResources).contains(key(KubernetesModel.parse(project.text(overlay + patch))));
                }
            }
            assertThat(baseResources).hasSize(6);
        }

        @Test
        void theSecretTemplateIsOutsideEveryKustomization() {
            for (String path : TINY.paths()) {
                if (path.endsWith("kustomization.yaml")) {
                    Kustomization kustomization = Kustomization.read(TINY, path);
                    assertThat(kustomization.resources()).noneMatch(file -> file.contains("secret"));
                    assertThat(kustomization.patches()).noneMatch(file -> file.contains("secret"));
                }
            }
            assertThat(KubernetesContributor.SECRET_TEMPLATE).doesNotContain("/base/", "/overlays/");
        }
    }

    static List<String> manifests(GeneratedProject project) {
        List<String> paths = new ArrayList<>();
        for (String path : project.paths()) {
            if (path.startsWith(KubernetesContributor.ROOT) && !path.endsWith("kustomization.yaml")) {
                paths.add(path);
            }
        }
        return paths;
    }

    private static String key(HasMetadata resource) {
        return resource.getKind() + "/" + resource.getMetadata().getName();
    }

    private static <T extends HasMetadata> T parse(GeneratedProject project, String file, Class<T> type) {
        return KubernetesModel.parse(project.text(BASE + file), type);
    }

    private static Deployment deployment(GeneratedProject project) {
        return parse(project, "deployment.yaml", Deployment.class);
    }

    private static Container container(GeneratedProject project) {
        return deployment(project)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0);
    }

    private static Map<String, EnvVar> env(GeneratedProject project) {
        Map<String, EnvVar> env = new LinkedHashMap<>();
        container(project).getEnv().forEach(variable -> env.put(variable.getName(), variable));
        return env;
    }

    private static SecretKeySelector secretRef(Map<String, EnvVar> env, String name) {
        EnvVar variable = env.get(name);
        assertThat(variable).as(name).isNotNull();
        return Objects.requireNonNull(variable).getValueFrom().getSecretKeyRef();
    }

    private static Properties properties(GeneratedProject project, String file) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(project.text("src/main/resources/" + file)));
        return properties;
    }

    /** The upper-case placeholders of the base and prod configuration, found by a plain regular expression. */
    private static Set<String> referencedVariables(GeneratedProject project, boolean requiredOnly) {
        Set<String> names = new TreeSet<>();
        for (String file : List.of("application.properties", "application-prod.properties")) {
            for (String line :
                    project.text("src/main/resources/" + file).lines().toList()) {
                Matcher matcher = PLACEHOLDER.matcher(line);
                while (!line.startsWith("#") && matcher.find()) {
                    if (!requiredOnly || matcher.group(2).isEmpty()) {
                        names.add(matcher.group(1));
                    }
                }
            }
        }
        return names;
    }
}
