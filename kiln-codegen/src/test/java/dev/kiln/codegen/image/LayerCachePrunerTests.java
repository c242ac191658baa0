package dev.kiln.codegen.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerCachePrunerTests {
    private static final String USED = "a".repeat(64);
    private static final String OLD = "b".repeat(64);

    @Test
    void keepsOnlyTheLayersOfTheLatestImageAndTheSelectorsPointingAtThem(@TempDir Path cache) throws IOException {
        Files.createDirectories(cache.resolve("layers").resolve(USED));
        Files.writeString(cache.resolve("layers").resolve(USED).resolve("x"), "layer");
        Files.createDirectories(cache.resolve("layers").resolve(OLD));
        Files.createDirectories(cache.resolve("selectors"));
        Files.writeString(cache.resolve("selectors").resolve("c".repeat(64)), USED);
        Files.writeString(cache.resolve("selectors").resolve("d".repeat(64)), OLD);
        Files.createDirectories(cache.resolve("layers").resolve("tmp"));

        LayerCachePruner.prune(cache, Set.of(USED));

        assertThat(cache.resolve("layers").resolve(USED).resolve("x")).exists();
        assertThat(cache.resolve("layers").resolve(OLD)).doesNotExist();
        assertThat(cache.resolve("selectors").resolve("c".repeat(64))).exists();
        assertThat(cache.resolve("selectors").resolve("d".repeat(64))).doesNotExist();
        assertThat(cache.resolve("layers").resolve("tmp")).exists();
    }

    @Test
    void anEmptyCacheIsFine(@TempDir Path cache) {
        LayerCachePruner.prune(cache.resolve("missing"), Set.of(USED));

        assertThat(cache.resolve("missing")).doesNotExist();
    }
}
