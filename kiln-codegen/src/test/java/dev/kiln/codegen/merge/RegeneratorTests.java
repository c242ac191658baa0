package dev.kiln.codegen.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.codegen.GeneratedProject;
import dev.kiln.spec.KilnException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenarios of a three-way regeneration on small projects: base, the files on disk, the new generation. */
class RegeneratorTests {
    private static final String SERVICE = "src/Service.java";
    private static final String BASE_SERVICE = """
            class Service {
                void create() {
                    validate();
                    save();
                }

                void delete() {
                    remove();
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void anUntouchedFileTakesTheNewGeneration() throws IOException {
        write(SERVICE, BASE_SERVICE);
        String next = BASE_SERVICE.replace("save();", "save();\n        audit();");

        PlannedFile file = single(plan(Map.of(SERVICE, BASE_SERVICE), Map.of(SERVICE, next)));

        assertThat(file.action()).isEqualTo(FileAction.UPDATE);
        assertThat(text(file.after())).isEqualTo(next);
    }

    @Test
    void anUnchangedSpecIsANoOp() throws IOException {
        write(SERVICE, BASE_SERVICE.replace("remove();", "remove(); // mine"));

        RegenerationPlan plan = plan(Map.of(SERVICE, BASE_SERVICE), Map.of(SERVICE, BASE_SERVICE));

        assertThat(plan.noOp()).isTrue();
        assertThat(single(plan).action()).isEqualTo(FileAction.KEEP_EDIT);
        assertThat(plan.unifiedDiff()).isEmpty();
    }

    @Test
    void anEditedMethodBodyKeepsTheEditAndTakesKilnsChangeElsewhere() throws IOException {
        write(SERVICE, BASE_SERVICE.replace("remove();", "log(); remove();"));
        String next = BASE_SERVICE.replace("save();", "save();\n        audit();");

        PlannedFile file = single(plan(Map.of(SERVICE, BASE_SERVICE), Map.of(SERVICE, next)));

        assertThat(file.action()).isEqualTo(FileAction.MERGE);
        assertThat(text(file.after())).contains("log(); remove();").contains("audit();");
    }

    @Test
    void bothSidesChangingTheSameLineIsAConflictWithBothVersions() throws IOException {
        write(SERVICE, BASE_SERVICE.replace("save();", "saveQuickly();"));
        String next = BASE_SERVICE.replace("save();", "saveAll();");

        PlannedFile file = single(plan(Map.of(SERVICE, BASE_SERVICE), Map.of(SERVICE, next)));

        assertThat(file.action()).isEqualTo(FileAction.CONFLICT);
        assertThat(file.conflicts()).isEqualTo(1);
        assertThat(text(file.after()))
                .contains("<<<<<<< yours\n        saveQuickly();\n=======\n        saveAll();\n>>>>>>> kiln\n");
    }

    @Test
    void twoSeparateOverlapsAreTwoConflictRegions() throws IOException {
        write(SERVICE, BASE_SERVICE.replace("validate();", "check();").replace("remove();", "erase();"));
        String next = BASE_SERVICE.replace("validate();", "verify();").replace("remove();", "purge();");

        PlannedFile file = single(plan(Map.of(SERVICE, BASE_SERVICE), Map.of(SERVICE, next)));

        assertThat(file.conflicts()).isEqualTo(2);
    }

    @Test
    void theSameEditOnBothSidesIsNoConflict() throws IOException {
        String both = BASE_SERVICE.replace("save();", "saveAll();");
        write(SERVICE, both);

        PlannedFile file = single(plan(Map.of(SERVICE, BASE_SERVICE), Map.of(SERVICE, both)));

        assertThat(file.action()).isEqualTo(FileAction.UNCHANGED);
    }

    @Test
    void anEditThatAlreadyContainsKilnsChangeIsKept() throws IOException {
        String next = BASE_SERVICE.replace("save();", "save();\n        audit();");
        write(SERVICE, next.replace("remove();", "log(); remove();"));

        PlannedFile file = single(plan(Map.of(SERVICE, BASE_SERVICE), Map.of(SERVICE, next)));

        assertThat(file.action()).isEqualTo(FileAction.KEEP_EDIT);
    }

    @Test
    void anEditedFileWithoutATrustworthyBaseConflictsRatherThanLosingTheEdit() throws IOException {
        write(SERVICE, BASE_SERVICE.replace("remove();", "log(); remove();"));
        String next = BASE_SERVICE.replace("save();", "saveAll();");
        GeneratedProject wrongBase = project(Map.of(SERVICE, "something else entirely\n"));

        RegenerationPlan plan = Regenerator.plan(
                project(Map.of(SERVICE, next)), wrongBase, manifest(Map.of(SERVICE, BASE_SERVICE)), dir, false);

        PlannedFile file = single(plan);
        assertThat(file.action()).isEqualTo(FileAction.CONFLICT);
        assertThat(text(file.after())).contains("log(); remove();").contains("saveAll();");
    }

    @Test
    void aNewGeneratedFileIsAdded() {
        PlannedFile file = single(plan(Map.of(), Map.of("src/New.java", "class New {}\n")));

        assertThat(file.action()).isEqualTo(FileAction.ADD);
        assertThat(file.before()).isNull();
    }

    @Test
    void aFileTheUserAddedIsNeverConsidered() throws IOException {
        write("src/Mine.java", "class Mine {}\n");

        RegenerationPlan plan = plan(Map.of(), Map.of());

        assertThat(plan.files()).isEmpty();
    }

    @Test
    void aFileTheUserCreatedWhereKilnNowGeneratesOneIsKept() throws IOException {
        write("src/Custom.java", "class Custom { /* mine */ }\n");

        PlannedFile file = single(plan(Map.of(), Map.of("src/Custom.java", "class Custom {}\n")));

        assertThat(file.action()).isEqualTo(FileAction.KEEP_YOURS);
        assertThat(file.action().writes()).isFalse();
    }

    @Test
    void aGeneratedFileTheUserDeletedStaysDeleted() {
        PlannedFile file = single(plan(Map.of("src/FuzzTest.java", "x\n"), Map.of("src/FuzzTest.java", "y\n")));

        assertThat(file.action()).isEqualTo(FileAction.KEEP_DELETED);
        assertThat(file.action().writes()).isFalse();
    }

    @Test
    void restoreBringsADeletedGeneratedFileBack() {
        RegenerationPlan plan = Regenerator.plan(
                project(Map.of("src/FuzzTest.java", "y\n")),
                project(Map.of("src/FuzzTest.java", "x\n")),
                manifest(Map.of("src/FuzzTest.java", "x\n")),
                dir,
                true);

        assertThat(single(plan).action()).isEqualTo(FileAction.RESTORE);
        assertThat(text(single(plan).after())).isEqualTo("y\n");
    }

    @Test
    void anUntouchedFileKilnNoLongerGeneratesIsDeleted() throws IOException {
        write("src/Tag.java", "class Tag {}\n");

        PlannedFile file = single(plan(Map.of("src/Tag.java", "class Tag {}\n"), Map.of()));

        assertThat(file.action()).isEqualTo(FileAction.DELETE);
        assertThat(file.after()).isNull();
    }

    @Test
    void anEditedFileKilnNoLongerGeneratesIsKept() throws IOException {
        write("src/Tag.java", "class Tag { int mine; }\n");

        PlannedFile file = single(plan(Map.of("src/Tag.java", "class Tag {}\n"), Map.of()));

        assertThat(file.action()).isEqualTo(FileAction.KEEP_ORPHAN);
        assertThat(file.action().writes()).isFalse();
    }

    @Test
    void aDeletedFileKilnNoLongerGeneratesIsNotMentioned() {
        assertThat(plan(Map.of("src/Tag.java", "class Tag {}\n"), Map.of()).files())
                .isEmpty();
    }

    @Test
    void kilnsRecordAlwaysFollowsTheNewGeneration() throws IOException {
        write(".kiln/spec.yaml", "edited by hand\n");

        PlannedFile file = single(plan(Map.of(), Map.of(".kiln/spec.yaml", "name: x\n")));

        assertThat(file.action()).isEqualTo(FileAction.UPDATE);
        assertThat(text(file.after())).isEqualTo("name: x\n");
    }

    @Test
    void aBinaryConflictKeepsTheUsersBytes() throws IOException {
        byte[] mine = {1, 0, 2};
        Files.write(Files.createDirectories(dir.resolve("img")).resolve("logo.png"), mine);

        RegenerationPlan plan = Regenerator.plan(
                project(Map.of("img/logo.png", "new\0\n")),
                project(Map.of("img/logo.png", "old\0\n")),
                manifest(Map.of("img/logo.png", "old\0\n")),
                dir,
                false);

        assertThat(single(plan).action()).isEqualTo(FileAction.CONFLICT);
        assertThat(single(plan).after()).isEqualTo(mine);
        assertThat(plan.unifiedDiff()).contains("Binary file img/logo.png changes");
    }

    @Test
    void aDirectoryWhereAFileIsGeneratedIsAClearError() throws IOException {
        Files.createDirectories(dir.resolve("src/Service.java"));

        assertThatThrownBy(() -> plan(Map.of(), Map.of(SERVICE, BASE_SERVICE)))
                .isInstanceOf(KilnException.class)
                .hasMessageContaining("is not a regular file")
                .hasMessageContaining("move it away");
    }

    @Test
    void theDiffShowsHunksWithContextAndLeavesTheRecordOut() throws IOException {
        write(SERVICE, BASE_SERVICE);
        String next = BASE_SERVICE.replace("save();", "saveAll();");

        RegenerationPlan plan = plan(
                Map.of(SERVICE, BASE_SERVICE),
                Map.of(SERVICE, next, ".kiln/manifest.json", "{\"kiln\": \"test\", \"files\": {}}\n"));

        assertThat(plan.unifiedDiff())
                .startsWith("--- a/src/Service.java\n+++ b/src/Service.java\n@@ -1,7 +1,7 @@\n")
                .contains("-        save();\n+        saveAll();\n")
                .doesNotContain("manifest");
    }

    @Test
    void countsSummariseThePlan() throws IOException {
        write(SERVICE, BASE_SERVICE);
        write("src/Old.java", "old\n");

        RegenerationPlan plan = plan(
                Map.of(SERVICE, BASE_SERVICE, "src/Old.java", "old\n"),
                Map.of(SERVICE, BASE_SERVICE.replace("save();", "saveAll();"), "src/New.java", "new\n"));

        assertThat(plan.counts())
                .containsEntry(FileAction.UPDATE, 1)
                .containsEntry(FileAction.ADD, 1)
                .containsEntry(FileAction.DELETE, 1);
        assertThat(plan.changes())
                .extracting(PlannedFile::path)
                .containsExactly("src/New.java", "src/Old.java", SERVICE);
    }

    private RegenerationPlan plan(Map<String, String> previous, Map<String, String> next) {
        return Regenerator.plan(project(next), project(previous), manifest(previous), dir, false);
    }

    private static PlannedFile single(RegenerationPlan plan) {
        assertThat(plan.files()).hasSize(1);
        return plan.files().getFirst();
    }

    private static GeneratedProject project(Map<String, String> files) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        files.forEach((path, text) -> bytes.put(path, text.getBytes(StandardCharsets.UTF_8)));
        return new GeneratedProject(bytes);
    }

    private static Manifest manifest(Map<String, String> files) {
        Map<String, String> digests = new LinkedHashMap<>();
        files.forEach((path, text) -> digests.put(path, Manifest.sha256(text.getBytes(StandardCharsets.UTF_8))));
        return new Manifest("test", digests);
    }

    private void write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static String text(byte @Nullable [] bytes) {
        assertThat(bytes).isNotNull();
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
