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
import dev.kiln.guard.schema.JsonSchemaGuardrail;
import dev.kiln.guard.schema.JsonSchemaGuardrail.Violation;
import dev.kiln.guard.secret.SecretGuardrail;
import dev.kiln.spec.KilnException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * PII and secrets only, the same on input and output; the scan command scores injection itself to print the
     * score of clean texts, and checks an answer's schema itself to print each violation's pointer.
     */
    static GuardPipeline dataPipeline(List<String> phoneRegions) {
        PiiGuardrail pii = pii(phoneRegions);
        return GuardPipeline.builder()
                .input(pii, new SecretGuardrail())
                .output(pii, new SecretGuardrail())
                .build();
    }

    /** Every PII type, national phone numbers of some regions; an unknown region is bad input. */
    static PiiGuardrail pii(List<String> phoneRegions) {
        try {
            return PiiGuardrail.all(phoneRegions);
        } catch (IllegalArgumentException e) {
            throw new KilnException("--phone-regions: " + e.getMessage());
        }
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

        @Option(
                names = "--phone-regions",
                paramLabel = "US,GB,...",
                split = ",",
                description = "Regions whose national phone numbers count as PHONE (default US); numbers written "
                        + "with + are found for every country.")
        private List<String> phoneRegions = new ArrayList<>(List.of("US"));

        @Option(
                names = "--output",
                description = "Each text is a model's answer: check it on the output side (PII, secrets and, with "
                        + "--schema, a JSON Schema).")
        private boolean output;

        @Option(
                names = "--schema",
                paramLabel = "FILE",
                description = "With --output: the answer must be JSON (whole, or in a ```json block) that follows "
                        + "this JSON Schema; each violation is printed with its JSON pointer.")
        private @Nullable Path schemaFile;

        @Option(
                names = "--schema-action",
                paramLabel = "ACTION",
                description = "What a schema violation does to the verdict: block (default) or flag.")
        private String schemaAction = "block";

        @picocli.CommandLine.Spec
        @SuppressWarnings("NullAway.Init")
        private picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            Checks checks = checks();
            if (text != null) {
                print(out, "text", text, checks, json);
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
                print(out, id, node.path("text").asString(), checks, true);
                out.flush();
            }
            return ExitCodes.OK;
        }

        /** What one run checks: injection (always scored), PII and secrets, and the answer's schema. */
        private record Checks(
                Function<String, InjectionAssessment> injection,
                GuardPipeline data,
                boolean output,
                @Nullable JsonSchemaGuardrail schema,
                Action schemaAction) {}

        private Checks checks() throws IOException {
            if (schemaFile != null && !output) {
                throw new KilnException("--schema checks a model's answer: add --output");
            }
            if (output && document) {
                throw new KilnException("--output and --document exclude each other: an answer is not a document");
            }
            Action onViolation = switch (schemaAction) {
                case "block" -> Action.BLOCK;
                case "flag" -> Action.FLAG;
                default -> throw new KilnException("--schema-action must be block or flag, not '" + schemaAction + "'");
            };
            JsonSchemaGuardrail schema = null;
            if (schemaFile != null) {
                String schemaText;
                try {
                    schemaText = Files.readString(schemaFile);
                } catch (NoSuchFileException e) {
                    throw new KilnException("--schema: no such file: " + schemaFile);
                }
                try {
                    schema = JsonSchemaGuardrail.of(schemaText);
                } catch (IllegalArgumentException e) {
                    throw new KilnException("--schema " + schemaFile + ": " + e.getMessage());
                }
            }
            Function<String, InjectionAssessment> injection = document
                    ? IndirectInjectionGuardrail.shipped()::assess
                    : CascadeInjectionGuardrail.shipped()::assess;
            return new Checks(injection, dataPipeline(phoneRegions), output, schema, onViolation);
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

        private static void print(PrintWriter out, String id, String text, Checks checks, boolean json) {
            GuardResult data = checks.output()
                    ? checks.data().checkOutput(text)
                    : checks.data().checkInput(text);
            InjectionAssessment assessment = checks.injection().apply(text);
            JsonSchemaGuardrail schema = checks.schema();
            List<Violation> violations = schema == null ? List.of() : schema.check(text);
            Action verdict = assessment.detected() ? data.verdict().max(Action.BLOCK) : data.verdict();
            if (!violations.isEmpty()) {
                verdict = verdict.max(checks.schemaAction());
            }
            GuardResult result = new GuardResult(data.direction(), verdict, data.decisions(), text, data.redacted());
            if (json) {
                out.println(toJson(id, result, assessment, schema == null ? null : violations));
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
            for (Violation v : violations) {
                out.printf(
                        "  %s %s %s [%d, %d): %s%n",
                        checks.schemaAction().label(),
                        v.type(),
                        v.pointer().isEmpty() ? "(root)" : v.pointer(),
                        v.start(),
                        v.end(),
                        v.message());
            }
            if (result.verdict() == Action.REDACT) {
                out.println("  redacted: " + result.redacted());
            }
        }

        static String toJson(
                String id, GuardResult result, InjectionAssessment assessment, @Nullable List<Violation> schema) {
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
            if (schema != null) {
                ArrayNode violations = root.putArray("schema");
                for (Violation v : schema) {
                    violations
                            .addObject()
                            .put("type", v.type())
                            .put("pointer", v.pointer())
                            .put("start", v.start())
                            .put("end", v.end())
                            .put("message", v.message());
                }
            }
            return JSON.writeValueAsString(root);
        }
    }
}
