package dev.kiln.codegen.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.codegen.merge.FileAction;
import dev.kiln.codegen.merge.PlannedFile;
import dev.kiln.codegen.merge.RegenerationPlan;
import dev.kiln.spec.KilnException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectWriterApplyTests {
    @TempDir
    Path dir;

    @Test
    void appliesEveryChangeAndTouchesNothingElse() throws IOException {
        write("src/Keep.java", "mine\n");
        write("src/Old.java", "old\n");
        write("src/Service.java", "v1\n");
        write("mvnw", "#!/bin/sh\n");
        Files.setPosixFilePermissions(dir.resolve("mvnw"), PosixFilePermissions.fromString("rwxr-xr-x"));
        write("gone/Only.java", "only\n");

        ProjectWriter.apply(
                plan(
                        change("src/Service.java", FileAction.UPDATE, "v1\n", "v2\n"),
                        change("src/New.java", FileAction.ADD, null, "new\n"),
                        change("src/Old.java", FileAction.DELETE, "old\n", null),
                        change("gone/Only.java", FileAction.DELETE, "only\n", null),
                        change("mvnw", FileAction.UPDATE, "#!/bin/sh\n", "#!/bin/sh\necho 2\n")),
                dir);

        assertThat(dir.resolve("src/Service.java")).hasContent("v2");
        assertThat(dir.resolve("src/New.java")).hasContent("new");
        assertThat(dir.resolve("src/Old.java")).doesNotExist();
        assertThat(dir.resolve("gone")).doesNotExist();
        assertThat(dir.resolve("src/Keep.java")).hasContent("mine");
        assertThat(Files.isExecutable(dir.resolve("mvnw"))).isTrue();
        assertThat(dir.resolve(".kiln/txn")).doesNotExist();
    }

    @Test
    void aFailureHalfwayRollsEveryFileBack() throws IOException {
        write("src/A.java", "a1\n");
        write("blocker", "a file where a directory must go\n");

        assertThatThrownBy(() -> ProjectWriter.apply(
                        plan(
                                change("src/A.java", FileAction.UPDATE, "a1\n", "a2\n"),
                                change("src/B.java", FileAction.ADD, null, "b\n"),
                                change("blocker/C.java", FileAction.ADD, null, "c\n")),
                        dir))
                .isInstanceOf(KilnException.class)
                .hasMessageContaining("it is unchanged");

        assertThat(dir.resolve("src/A.java")).hasContent("a1");
        assertThat(dir.resolve("src/B.java")).doesNotExist();
        assertThat(dir.resolve("blocker")).hasContent("a file where a directory must go");
        assertThat(dir.resolve(".kiln/txn")).doesNotExist();
    }

    @Test
    void recoverUndoesAnApplyThatWasKilledAfterItsJournal() throws IOException {
        // The state a kill leaves between moves: A moved to backup and replaced, B added, C not reached.
        write("src/A.java", "a2\n");
        write(".kiln/txn/backup/src/A.java", "a1\n");
        write("src/B.java", "b\n");
        write("src/C.java", "c1\n");
        write(".kiln/txn/new/src/C.java", "c2\n");
        write(".kiln/txn/journal", "b src/A.java\nn src/B.java\nb src/C.java\n");

        assertThat(ProjectWriter.recover(dir)).isTrue();

        assertThat(dir.resolve("src/A.java")).hasContent("a1");
        assertThat(dir.resolve("src/B.java")).doesNotExist();
        assertThat(dir.resolve("src/C.java")).hasContent("c1");
        assertThat(dir.resolve(".kiln/txn")).doesNotExist();
    }

    @Test
    void recoverOnlyCleansUpWhenKilledBeforeTheJournal() throws IOException {
        write("src/A.java", "a1\n");
        write(".kiln/txn/new/src/A.java", "a2\n");

        assertThat(ProjectWriter.recover(dir)).isFalse();

        assertThat(dir.resolve("src/A.java")).hasContent("a1");
        assertThat(dir.resolve(".kiln/txn")).doesNotExist();
    }

    @Test
    void aNoOpPlanWritesNothing() throws IOException {
        write("src/A.java", "a\n");

        ProjectWriter.apply(plan(change("src/A.java", FileAction.UNCHANGED, "a\n", "a\n")), dir);

        assertThat(dir.resolve(".kiln")).doesNotExist();
        assertThat(dir.resolve("src/A.java")).hasContent("a");
    }

    private static RegenerationPlan plan(PlannedFile... files) {
        return new RegenerationPlan(List.of(files), List.of());
    }

    private static PlannedFile change(String path, FileAction action, @Nullable String before, @Nullable String after) {
        return new PlannedFile(path, action, bytes(before), bytes(after), 0);
    }

    private static byte @Nullable [] bytes(@Nullable String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private void write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
