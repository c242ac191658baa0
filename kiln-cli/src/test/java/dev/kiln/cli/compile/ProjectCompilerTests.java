package dev.kiln.cli.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-process compiler, on tiny projects that need no classpath. */
class ProjectCompilerTests {
    private static void write(Path project, String file, String source) throws IOException {
        Path path = project.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, source);
    }

    @Test
    void mainAndTestSourcesCompileTogether(@TempDir Path dir) throws IOException {
        write(dir, "src/main/java/a/Shop.java", "package a; public record Shop(String name) {}");
        write(dir, "src/test/java/a/ShopTest.java", "package a; class ShopTest { Shop shop = new Shop(\"x\"); }");
        try (ProjectCompiler compiler = ProjectCompiler.over(List.of())) {
            Compilation all = compiler.compile(dir, SourceSet.ALL, dir.resolve("out-all"));
            Compilation main = compiler.compile(dir, SourceSet.MAIN, dir.resolve("out-main"));
            assertThat(all.ok()).as("%s", all.errors()).isTrue();
            assertThat(all.files()).isEqualTo(2);
            assertThat(main.files()).isEqualTo(1);
            assertThat(dir.resolve("out-all/a/ShopTest.class")).exists();
        }
    }

    @Test
    void errorsNameTheFileAndLineRelativeToTheProject(@TempDir Path dir) throws IOException {
        write(dir, "src/main/java/a/Broken.java", "package a;\nclass Broken {\n  int x = \"no\";\n}\n");
        try (ProjectCompiler compiler = ProjectCompiler.over(List.of())) {
            Compilation result = compiler.compile(dir, SourceSet.MAIN, dir.resolve("out"));
            assertThat(result.ok()).isFalse();
            assertThat(result.errors()).singleElement().asString().startsWith("src/main/java/a/Broken.java:3: ");
        }
    }

    @Test
    void codeForANewerJavaThan21DoesNotCompile(@TempDir Path dir) throws IOException {
        write(dir, "src/main/java/a/Late.java", "package a;\nimport java.util.stream.Gatherers;\nclass Late {}\n");
        try (ProjectCompiler compiler = ProjectCompiler.over(List.of())) {
            assertThat(compiler.compile(dir, SourceSet.MAIN, dir.resolve("out")).ok())
                    .isFalse();
        }
    }
}
