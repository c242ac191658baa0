package dev.kiln.codegen.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.codegen.ProjectGenerator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegenerationBenchmarkTests {
    @Test
    void everyRoundMergesTheEditedServicesWithoutConflictsAndCleansUp(@TempDir Path dir) {
        RegenerationBenchmark.Result result =
                new RegenerationBenchmark(new ProjectGenerator("test")).measure(6, 1, 2, dir);

        assertThat(result.entities()).isEqualTo(6);
        assertThat(result.mergedFiles()).isEqualTo(RegenerationBenchmark.CHANGED_ENTITIES);
        assertThat(result.changedFiles()).isGreaterThan(result.mergedFiles());
        assertThat(result.p90Millis())
                .isGreaterThanOrEqualTo(result.medianMillis())
                .isPositive();
        assertThat(dir.resolve("regen-6")).doesNotExist();
    }
}
