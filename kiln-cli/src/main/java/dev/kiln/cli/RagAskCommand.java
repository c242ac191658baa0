package dev.kiln.cli;

import dev.kiln.llm.LlmSettings;
import dev.kiln.rag.answer.AbstentionPolicy;
import dev.kiln.rag.answer.Answer;
import dev.kiln.rag.answer.Citation;
import dev.kiln.rag.answer.Evidence;
import dev.kiln.rag.answer.ExtractiveAnswerer;
import dev.kiln.rag.embed.MiniLmEmbeddingModel;
import dev.kiln.rag.llm.LlmAnswer;
import dev.kiln.rag.llm.LlmAnswerer;
import dev.kiln.rag.store.StoreReader;
import dev.kiln.spec.KilnException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code kiln rag ask}: an extractive answer with citations, or an abstention; with {@code KILN_LLM_BASE_URL} and
 * {@code KILN_LLM_MODEL} set, an answer written by the model whose every sentence was checked against the chunk it
 * cites.
 */
@Command(
        name = "ask",
        description = "Answer a question with sentences quoted from the documents the principal may read, each"
                + " cited; say \"The documents do not say.\" when the evidence is weak. With KILN_LLM_BASE_URL and"
                + " KILN_LLM_MODEL set (KILN_LLM_API_KEY, KILN_LLM_TIMEOUT_SECONDS optional), a model writes the"
                + " answer from the retrieved chunks and only sentences supported by the chunk they cite are kept.",
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
            description = "Print {\"answer\",\"abstained\",\"citations\":[{\"source\",\"section\",\"text\"}],"
                    + "\"mode\":\"llm|extractive\"}; with a model, also \"dropped\":[{\"sentence\",\"reason\"}],"
                    + " citations' \"anchor\" and \"n\" (the answer's [n] markers), and \"note\" on fallback.")
    private boolean json;

    @picocli.CommandLine.Spec
    @SuppressWarnings("NullAway.Init")
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return RagCommand.run(this::ask);
    }

    /** Where the command reads {@code KILN_LLM_*}; tests replace it. */
    static volatile Supplier<Map<String, String>> environment = System::getenv;

    private Integer ask() {
        Optional<LlmSettings> llm = llmSettings();
        try (MiniLmEmbeddingModel model = RagCommand.modelFor(store, null);
                StoreReader reader = StoreReader.open(store)) {
            Set<String> asking = new LinkedHashSet<>(principals);
            if (llm.isPresent()) {
                print(LlmAnswerer.openAi(reader, model, AbstentionPolicy.DEFAULT, llm.get())
                        .answer(question, asking));
            } else {
                print(new ExtractiveAnswerer(reader, model, AbstentionPolicy.DEFAULT).answer(question, asking));
            }
        }
        return ExitCodes.OK;
    }

    private static Optional<LlmSettings> llmSettings() {
        try {
            return LlmSettings.fromEnvironment(environment.get());
        } catch (IllegalArgumentException e) {
            throw new KilnException("bad LLM settings: " + e.getMessage(), e);
        }
    }

    private void print(Answer answer) {
        PrintWriter out = spec.commandLine().getOut();
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
            node.put("mode", LlmAnswer.Mode.EXTRACTIVE.id());
            addUnseen(node, answer.evidence());
            out.println(RagJson.write(node));
        } else {
            out.println(answer.text());
            for (int i = 0; i < answer.citations().size(); i++) {
                out.println(citationLine(i + 1, answer.citations().get(i)));
            }
            reportUnseen(answer.abstained(), answer.evidence());
        }
    }

    private void print(LlmAnswer answer) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode node = RagJson.object().put("answer", answer.text()).put("abstained", answer.abstained());
            ArrayNode citations = node.putArray("citations");
            for (LlmAnswer.Numbered numbered : answer.citations()) {
                Citation c = numbered.citation();
                citations
                        .addObject()
                        .put("source", c.source())
                        .put("section", c.section())
                        .put("text", c.text())
                        .put("anchor", c.anchor())
                        .put("n", numbered.n());
            }
            node.put("mode", answer.mode().id());
            ArrayNode dropped = node.putArray("dropped");
            answer.dropped()
                    .forEach(d ->
                            dropped.addObject().put("sentence", d.sentence()).put("reason", d.reason()));
            if (!answer.note().isEmpty()) {
                node.put("note", answer.note());
            }
            addUnseen(node, answer.evidence());
            out.println(RagJson.write(node));
        } else {
            out.println(answer.text());
            for (LlmAnswer.Numbered numbered : answer.citations()) {
                out.println(citationLine(numbered.n(), numbered.citation()));
            }
            PrintWriter err = spec.commandLine().getErr();
            answer.dropped().forEach(d -> err.println("dropped \"" + d.sentence() + "\": " + d.reason()));
            if (!answer.note().isEmpty()) {
                err.println("note: " + answer.note());
            }
            reportUnseen(answer.abstained(), answer.evidence());
        }
    }

    /** Adds what the question names that no readable document mentions (words, then names). */
    private static void addUnseen(ObjectNode node, Evidence evidence) {
        ArrayNode unseen = node.putArray("unseen");
        evidence.unseenWords().forEach(unseen::add);
        evidence.unseenNames().forEach(unseen::add);
    }

    /**
     * Says on stderr, after an abstention, what the readable documents never mention, and when the question
     * asks for a measured figure they do not state.
     */
    private void reportUnseen(boolean abstained, Evidence evidence) {
        List<String> unseen = new ArrayList<>(evidence.unseenWords());
        unseen.addAll(evidence.unseenNames());
        if (abstained && !unseen.isEmpty()) {
            spec.commandLine().getErr().println("the documents never mention: " + String.join(", ", unseen));
        }
        if (abstained && evidence.asksForEstimate()) {
            spec.commandLine()
                    .getErr()
                    .println("the question asks for a measured figure (a duration, a rate, a ratio); documents "
                            + "describe behaviour and settings, so measure it on your own system");
        }
    }

    private static String citationLine(int n, Citation c) {
        return "  [" + n + "] " + c.source() + (c.anchor().isEmpty() ? "" : "#" + c.anchor())
                + (c.section().isEmpty() ? "" : " (" + c.section() + ")");
    }
}
