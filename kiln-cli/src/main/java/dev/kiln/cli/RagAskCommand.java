package dev.kiln.cli;

import dev.kiln.rag.answer.AbstentionPolicy;
import dev.kiln.rag.answer.Answer;
import dev.kiln.rag.answer.Citation;
import dev.kiln.rag.answer.ExtractiveAnswerer;
import dev.kiln.rag.embed.MiniLmEmbeddingModel;
import dev.kiln.rag.store.StoreReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code kiln rag ask}: an extractive answer with citations, or an abstention. */
@Command(
        name = "ask",
        description = "Answer a question with sentences quoted from the documents the principal may read, each"
                + " cited; say \"The documents do not say.\" when the evidence is weak.",
        mixinStandardHelpOptions = true)
final class RagAskCommand implements Callable<Integer> {
    @Option(names = "--store", required = true, paramLabel = "DIR", description = "The store directory.")
    @SuppressWarnings("NullAway.Init")
    private Path store;

    @Parameters(paramLabel = "QUESTION", description = "The question.")
    @SuppressWarnings("NullAway.Init")
    private String question;

    @Option(
            names = "--principal",
            split = ",",
            paramLabel = "P",
            description = "Ask as this principal (repeatable). Without it, only documents readable by everyone.")
    private List<String> principals = new ArrayList<>();

    @Option(
            names = "--json",
            description = "Print {\"answer\",\"abstained\",\"citations\":[{\"source\",\"section\",\"text\"}]}.")
    private boolean json;

    @picocli.CommandLine.Spec
    @SuppressWarnings("NullAway.Init")
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return RagCommand.run(this::ask);
    }

    private Integer ask() {
        PrintWriter out = spec.commandLine().getOut();
        try (MiniLmEmbeddingModel model = RagCommand.modelFor(store, null);
                StoreReader reader = StoreReader.open(store)) {
            Answer answer = new ExtractiveAnswerer(reader, model, AbstentionPolicy.DEFAULT)
                    .answer(question, new LinkedHashSet<>(principals));
            if (json) {
                ObjectNode node = RagJson.object().put("answer", answer.text()).put("abstained", answer.abstained());
                ArrayNode citations = node.putArray("citations");
                for (Citation c : answer.citations()) {
                    citations
                            .addObject()
                            .put("source", c.source())
                            .put("section", c.section())
                            .put("text", c.text());
                }
                out.println(RagJson.write(node));
            } else {
                out.println(answer.text());
                for (int i = 0; i < answer.citations().size(); i++) {
                    Citation c = answer.citations().get(i);
                    out.println(
                            "  [" + (i + 1) + "] " + c.source() + (c.anchor().isEmpty() ? "" : "#" + c.anchor())
                                    + (c.section().isEmpty() ? "" : " (" + c.section() + ")"));
                }
            }
        }
        return ExitCodes.OK;
    }
}
