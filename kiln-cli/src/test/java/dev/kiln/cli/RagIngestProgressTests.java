package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.rag.ingest.FileOutcome;
import dev.kiln.rag.ingest.SkippedFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class RagIngestProgressTests {
    @Test
    void theLineShowsABarTheShareDoneAndTheTimeLeft() {
        StringWriter err = new StringWriter();
        RagIngestCommand.Progress progress = new RagIngestCommand.Progress(new PrintWriter(err), true);
        progress.started(10);
        for (int i = 0; i < 3; i++) {
            progress.file("f" + i, FileOutcome.ADDED, 5);
        }
        progress.file("same", FileOutcome.UNCHANGED, 7);
        assertThat(progress.line(8.0))
                .isEqualTo("[  8.0s] [########------------] 4/10 files  40%, 15 chunks written, about 12 s left");
        progress.skipped(new SkippedFile("bad.bin", "binary content"));
        assertThat(err.toString()).isEqualTo("skipped bad.bin: binary content" + System.lineSeparator());
        for (int i = 0; i < 5; i++) {
            progress.file("g" + i, FileOutcome.UPDATED, 1);
        }
        assertThat(progress.line(20.0))
                .isEqualTo("[ 20.0s] [####################] 10/10 files 100%, 20 chunks written");
    }
}
