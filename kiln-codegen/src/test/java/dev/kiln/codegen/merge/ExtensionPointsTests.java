package dev.kiln.codegen.merge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.codegen.GeneratedProject;
import dev.kiln.codegen.ProjectGenerator;
import dev.kiln.codegen.TestSpecs;
import dev.kiln.codegen.contributor.KilnRecordContributor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files Kiln creates once ({@code createOnly} in the manifest) and never writes again. */
class ExtensionPointsTests {
    private static final String HOOKS = "src/Hooks.java";
    private static final String V1 = "class Hooks {}\n";
    private static final String V2 = "class Hooks { void more() {} }\n";

    @TempDir
    Path dir;

    private static Manifest manifest(String content) {
        return new Manifest(
                "test", Map.of(HOOKS, Manifest.sha256(content.getBytes(StandardCharsets.UTF_8))), Set.of(HOOKS));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static FileAction action(@Nullable PlannedFile file) {
        assertThat(file).isNotNull();
        return Objects.requireNonNull(file).action();
    }

    @Test
    void aNewExtensionPointIsCreated() {
        PlannedFile file = ExtensionPoints.plan(HOOKS, null, bytes(V1), new Manifest("test", Map.of()), false);

        assertThat(action(file)).isEqualTo(FileAction.ADD);
    }

    @Test
    void anEditedExtensionPointIsNeverUpdatedOrMergedEvenWhenKilnsTemplateChanged() {
        PlannedFile file = ExtensionPoints.plan(HOOKS, bytes("class Hooks { mine }\n"), bytes(V2), manifest(V1), false);

        assertThat(action(file)).isEqualTo(FileAction.KEEP_EXTENSION);
        assertThat(action(file).writes()).isFalse();
    }

    @Test
    void anUntouchedExtensionPointIsNotUpdatedEither() {
        PlannedFile file = ExtensionPoints.plan(HOOKS, bytes(V1), bytes(V2), manifest(V1), false);

        assertThat(action(file).writes()).isFalse();
    }

    @Test
    void aDeletedExtensionPointStaysDeletedUnlessRestored() {
        PlannedFile kept = ExtensionPoints.plan(HOOKS, null, bytes(V1), manifest(V1), false);
        PlannedFile restored = ExtensionPoints.plan(HOOKS, null, bytes(V1), manifest(V1), true);

        assertThat(action(kept)).isEqualTo(FileAction.KEEP_DELETED);
        assertThat(action(restored)).isEqualTo(FileAction.RESTORE);
    }

    @Test
    void anOrphanedExtensionPointIsDeletedOnlyWhenUntouched() {
        PlannedFile untouched = ExtensionPoints.plan(HOOKS, bytes(V1), null, manifest(V1), false);
        PlannedFile edited = ExtensionPoints.plan(HOOKS, bytes("class Hooks { mine }\n"), null, manifest(V1), false);

        assertThat(action(untouched)).isEqualTo(FileAction.DELETE);
        assertThat(action(edited)).isEqualTo(FileAction.KEEP_ORPHAN);
    }

    @Test
    void theGeneratorRecordsEveryCustomizerAsCreateOnlyAndTheRegeneratorLeavesAnEditedOneAlone() throws IOException {
        ProjectGenerator generator = new ProjectGenerator(TestSpecs.VERSION);
        GeneratedProject project = generator.generate(TestSpecs.yaml("""
                kiln: 1
                name: shop
                package: com.example.shop
                entities:
                  - name: Customer
                    fields:
                      - { name: name, type: string }
                  - name: Product
                    fields:
                      - { name: title, type: string }
                """));
        Manifest manifest = Manifest.parse(project.bytes(KilnRecordContributor.MANIFEST), "manifest");

        assertThat(manifest.createOnly())
                .containsExactly(
                        "src/main/java/com/example/shop/customer/CustomerServiceCustomizer.java",
                        "src/main/java/com/example/shop/product/ProductServiceCustomizer.java")
                .allMatch(project::contains);
        String customizer = manifest.createOnly().iterator().next();
        Path file = dir.resolve(customizer);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "// mine\n");

        RegenerationPlan plan = Regenerator.plan(project, project, manifest, dir, false);

        assertThat(plan.files())
                .filteredOn(f -> f.path().equals(customizer))
                .singleElement()
                .extracting(PlannedFile::action)
                .isEqualTo(FileAction.KEEP_EXTENSION);
    }
}
