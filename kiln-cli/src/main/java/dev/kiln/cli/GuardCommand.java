package dev.kiln.cli;

import dev.kiln.guard.Action;
import dev.kiln.guard.Category;
import dev.kiln.guard.Decision;
import dev.kiln.guard.Finding;
import dev.kiln.guard.GuardPipeline;
import dev.kiln.guard.GuardResult;
import dev.kiln.guard.Guardrail;
import dev.kiln.guard.injection.CascadeInjectionGuardrail;
import dev.kiln.guard.injection.IndirectInjectionGuardrail;
import dev.kiln.guard.injection.InjectionAssessment;
import dev.kiln.guard.pii.PiiGuardrail;
import dev.kiln.guard.secret.SecretGuardrail;
import dev.kiln.spec.KilnException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code kiln guard}: prompt-injection, PII and secret guardrails from the command line. */
@Command(
        name = "guard",
        description = "Guardrails for LLM input and output: injection, PII, secrets.",
        mixinStandardHelpOptions = true,
        subcommands = {GuardCommand.Scan.class, GuardEvalCommand.class, GuardTrainCommand.class, GuardBenchCommand.class
        })
final class GuardCommand implements Runnable {
    @picocli.CommandLine.Spec
    @SuppressWarnings("NullAway.Init")
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The pipeline the CLI uses: injection, PII and secrets on input, with Kiln's default policy. */
    static GuardPipeline pipeline(Guardrail injection) {
        return GuardPipeline.builder()
                .input(injection, PiiGuardrail.all(), new SecretGuardrail())
                .build();
    }

    /** PII and secrets only; the scan command scores injection itself to print the score of clean texts. */
    static GuardPipeline dataPipeline() {
        return GuardPipeline.builder()
                .input(PiiGuardrail.all(), new SecretGuardrail())
                .build();
    }

    /** {@code kiln guard scan}: checks texts and prints a verdict per text. */
    @Command(
            name = "scan",
            description = "Check texts: JSON lines {\"id\",\"text\"} on stdin, or --text. Prints one result per input.",
            mixinStandardHelpOptions = true)
    static final class Scan implements Callable<Integer> {
        private static final ObjectMapper JSON = new ObjectMapper();

        @Option(names = "--text", description = "Check this text instead of reading stdin.")
        private @Nullable String text;

        @Option(names = "--json", description = "Print JSON lines (the default for stdin input is JSON too).")
        private boolean json;

        @Option(
                names = "--document",
                description = "Each text is a document or tool output to be shown to a model: look, piece by piece, "
                        + "for instructions aimed at the model (indirect injection).")
        private boolean document;

        @picocli.CommandLine.Spec
        @SuppressWarnings("NullAway.Init")
        private picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            Function<String, InjectionAssessment> injection = document
                    ? IndirectInjectionGuardrail.shipped()::assess
                    : CascadeInjectionGuardrail.shipped()::assess;
            GuardPipeline pipeline = dataPipeline();
            if (text != null) {
                print(out, "text", text, pipeline, injection, json);
                return ExitCodes.OK;
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            int lineNumber = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = parse(line, lineNumber);
                String id = node.path("id").isMissingNode()
                        ? String.valueOf(lineNumber)
                        : node.path("id").asString();
                print(out, id, node.path("text").asString(), pipeline, injection, true);
                out.flush();
            }
            return ExitCodes.OK;
        }

        private static JsonNode parse(String line, int lineNumber) {
            try {
                JsonNode node = JSON.readTree(line);
                if (node.isObject() && node.path("text").isString()) {
                    return node;
                }
            } catch (JacksonException e) {
                throw new KilnException("stdin line " + lineNumber + ": not JSON: " + e.getOriginalMessage());
            }
            throw new KilnException("stdin line " + lineNumber + ": expected an object with a string \"text\"");
        }

        private static void print(
                PrintWriter out,
                String id,
                String text,
                GuardPipeline pipeline,
                Function<String, InjectionAssessment> injection,
                boolean json) {
            GuardResult data = pipeline.checkInput(text);
            InjectionAssessment assessment = injection.apply(text);
            Action verdict = assessment.detected() ? data.verdict().max(Action.BLOCK) : data.verdict();
            GuardResult result = new GuardResult(data.direction(), verdict, data.decisions(), text, data.redacted());
            if (json) {
                out.println(toJson(id, result, assessment));
                return;
            }
            out.printf(
                    "%s: %s (injection score %.3f%s)%n",
                    id,
                    result.verdict().label(),
                    assessment.score(),
                    assessment.rules().isEmpty() ? "" : ", rules " + String.join(", ", assessment.rules()));
            for (Decision d : result.decisions()) {
                if (d.finding().category() != Category.INJECTION) {
                    out.printf(
                            "  %s %s [%d, %d)%n",
                            d.action().label(),
                            d.finding().type(),
                            d.finding().start(),
                            d.finding().end());
                }
            }
            if (result.verdict() == Action.REDACT) {
                out.println("  redacted: " + result.redacted());
            }
        }

        static String toJson(String id, GuardResult result, InjectionAssessment assessment) {
            ObjectNode root = JSON.createObjectNode();
            root.put("id", id);
            root.put("verdict", result.verdict().label());
            ObjectNode inj = root.putObject("injection");
            inj.put("detected", assessment.detected());
            inj.put("score", Math.round(assessment.score() * 10000) / 10000.0);
            ArrayNode pii = root.putArray("pii");
            for (Finding f : result.findings(Category.PII)) {
                pii.addObject()
                        .put("type", f.type())
                        .put("start", f.start())
                        .put("end", f.end())
                        .put("value", f.valueIn(result.text()));
            }
            ArrayNode secrets = root.putArray("secrets");
            for (Finding f : result.findings(Category.SECRET)) {
                secrets.addObject()
                        .put("type", f.type())
                        .put("start", f.start())
                        .put("end", f.end());
            }
            root.put("redacted", result.redacted());
            return JSON.writeValueAsString(root);
        }
    }
}
