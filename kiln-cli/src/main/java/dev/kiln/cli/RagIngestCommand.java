package dev.kiln.cli;

import dev.kiln.rag.KnowledgeBase;
import dev.kiln.rag.embed.MiniLmEmbeddingModel;
import dev.kiln.rag.ingest.FileOutcome;
import dev.kiln.rag.ingest.IngestListener;
import dev.kiln.rag.ingest.IngestOptions;
import dev.kiln.rag.ingest.IngestReport;
import dev.kiln.rag.ingest.SkippedFile;
import dev.kiln.spec.KilnException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code kiln rag ingest}: brings a store up to date with files and directories. */
@Command(
        name = "ingest",
        description = "Ingest HTML, Markdown, text and PDF files (directories recursively) into a store. Unchanged"
                + " files are skipped, changed ones re-indexed, deleted ones removed; unreadable ones reported.",
        mixinStandardHelpOptions = true)
final class RagIngestCommand implements Callable<Integer> {
    @Option(names = "--store", required = true, paramLabel = "DIR", description = "The store directory.")
    @SuppressWarnings("NullAway.Init")
    private Path store;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files and directories to ingest.")
    private List<Path> paths = new ArrayList<>();

    @Option(
            names = "--acl",
            split = ",",
            paramLabel = "PRINCIPAL",
            description = "Who may read files that have no .acl sidecar (repeatable or comma-separated)."
                    + " Default: everyone.")
    private List<String> acl = new ArrayList<>();

    @Option(names = "--max-file-mb", paramLabel = "MB", description = "Skip files larger than this (default 50).")
    private int maxFileMb = 50;

    @Option(
            names = "--model",
            paramLabel = "NAME",
            description = "The embedding model of a new store: all-minilm-l6-v2-q (default, quantized, about"
                    + " twice as fast) or all-minilm-l6-v2. An existing store keeps the model it was built with.")
    private @Nullable String modelName;

    @Option(names = "--json", description = "Print the report as JSON.")
    private boolean json;

    @Option(names = "--quiet", description = "No progress lines on stderr.")
    private boolean quiet;

    @picocli.CommandLine.Spec
    @SuppressWarnings("NullAway.Init")
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return RagCommand.run(this::ingest);
    }

    private Integer ingest() {
        if (maxFileMb < 1) {
            throw new KilnException("--max-file-mb must be at least 1, was " + maxFileMb);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        IngestOptions options;
        try {
            options = new IngestOptions(new LinkedHashSet<>(acl), maxFileMb * 1024L * 1024L, 200);
        } catch (IllegalArgumentException e) {
            throw new KilnException("--acl: " + e.getMessage(), e);
        }
        IngestReport report;
        try (MiniLmEmbeddingModel model = RagCommand.modelFor(store, modelName)) {
            report = KnowledgeBase.ingest(store, paths, options, model, new Progress(err, quiet));
        }
        if (json) {
            out.println(RagJson.write(toJson(report)));
        } else {
            out.printf(
                    Locale.ROOT,
                    "Ingested into %s: %d added, %d updated, %d unchanged, %d removed, %d skipped; %d chunks"
                            + " written in %.1f s.%n",
                    store,
                    report.added(),
                    report.updated(),
                    report.unchanged(),
                    report.removed(),
                    report.skipped().size(),
                    report.chunksWritten(),
                    report.elapsed().toMillis() / 1000.0);
        }
        return ExitCodes.OK;
    }

    private ObjectNode toJson(IngestReport report) {
        ObjectNode node = RagJson.object()
                .put("store", store.toString())
                .put("added", report.added())
                .put("updated", report.updated())
                .put("unchanged", report.unchanged())
                .put("removed", report.removed())
                .put("chunksWritten", report.chunksWritten())
                .put("seconds", report.elapsed().toMillis() / 1000.0);
        ArrayNode skipped = node.putArray("skipped");
        report.skipped()
                .forEach(s -> skipped.addObject().put("source", s.source()).put("reason", s.reason()));
        return node;
    }

    /** Progress on stderr: every skipped file, and a line every two seconds. */
    static final class Progress implements IngestListener {
        private final PrintWriter err;
        private final boolean quiet;
        private final long start = System.nanoTime();
        private long lastLine = start;
        private int total;
        private int done;
        private int written;

        Progress(PrintWriter err, boolean quiet) {
            this.err = err;
            this.quiet = quiet;
        }

        @Override
        public void started(int files) {
            total = files;
        }

        @Override
        public void file(String source, FileOutcome outcome, int chunks) {
            if (outcome != FileOutcome.REMOVED) {
                done++;
            }
            if (outcome == FileOutcome.ADDED || outcome == FileOutcome.UPDATED) {
                written += chunks;
            }
            long now = System.nanoTime();
            if (!quiet && now - lastLine > 2_000_000_000L) {
                lastLine = now;
                err.println(line((now - start) / 1e9));
                err.flush();
            }
        }

        /**
         * One progress line with a bar, e.g. {@code [ 41.0s] [########------------] 512/1169 files  43%,
         * 4180 chunks written, about 54 s left}; a line per update rather than a redrawn bar, so that logs
         * and terminals show the same thing.
         */
        String line(double seconds) {
            int width = 20;
            double share = total == 0 ? 1 : Math.min(1, (double) done / total);
            int filled = (int) Math.round(share * width);
            String left = done == 0 || share >= 1
                    ? ""
                    : String.format(Locale.ROOT, ", about %.0f s left", seconds / share - seconds);
            return String.format(
                    Locale.ROOT,
                    "[%5.1fs] [%s%s] %d/%d files %3.0f%%, %d chunks written%s",
                    seconds,
                    "#".repeat(filled),
                    "-".repeat(width - filled),
                    done,
                    total,
                    share * 100,
                    written,
                    left);
        }

        @Override
        public void skipped(SkippedFile skipped) {
            done++;
            err.println("skipped " + skipped.source() + ": " + skipped.reason());
            err.flush();
        }
    }
}
