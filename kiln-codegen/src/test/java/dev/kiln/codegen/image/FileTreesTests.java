package dev.kiln.codegen.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreesTests {
    @TempDir
    Path dir;

    @Test
    void fingerprintDependsOnNamesContentAndExecutableBitButNotOnTimes() throws IOException {
        Path a = tree("a", "hello");
        Path b = tree("b", "hello");
        Files.setLastModifiedTime(b.resolve("lib/x.jar"), FileTime.fromMillis(0));
        String same = FileTrees.sha256(a);

        assertThat(FileTrees.sha256(b)).isEqualTo(same);
        assertThat(FileTrees.sha256(tree("c", "hellO"))).isNotEqualTo(same);
        Files.move(b.resolve("lib/x.jar"), b.resolve("lib/y.jar"));
        assertThat(FileTrees.sha256(b)).isNotEqualTo(same);
        Path d = tree("d", "hello");
        Files.setPosixFilePermissions(d.resolve("lib/x.jar"), PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(FileTrees.sha256(d)).isNotEqualTo(same);
    }

    @Test
    void fingerprintSeparatesFileBoundaries() throws IOException {
        Path one = dir.resolve("one");
        Files.createDirectories(one);
        Files.writeString(one.resolve("a"), "xy");
        Files.writeString(one.resolve("b"), "");
        Path two = dir.resolve("two");
        Files.createDirectories(two);
        Files.writeString(two.resolve("a"), "x");
        Files.writeString(two.resolve("b"), "y");

        assertThat(FileTrees.sha256(one)).isNotEqualTo(FileTrees.sha256(two));
    }

    @Test
    void deletesWholeTreesAndIgnoresMissingOnes() throws IOException {
        Path tree = tree("gone", "x");
        assertThat(FileTrees.size(tree)).isEqualTo(1);

        FileTrees.delete(tree);
        FileTrees.delete(tree);

        assertThat(tree).doesNotExist();
    }

    private Path tree(String name, String content) throws IOException {
        Path root = dir.resolve(name);
        Files.createDirectories(root.resolve("lib"));
        Files.writeString(root.resolve("lib/x.jar"), content);
        Files.setPosixFilePermissions(root.resolve("lib/x.jar"), PosixFilePermissions.fromString("rw-r--r--"));
        return root;
    }
}
