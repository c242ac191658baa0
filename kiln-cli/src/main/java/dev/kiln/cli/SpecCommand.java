package dev.kiln.cli;

import dev.kiln.intent.Explanation;
import dev.kiln.intent.ParsedIntent;
import dev.kiln.spec.io.SpecWriter;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code kiln spec "PROMPT"}: turns a description into a spec and prints it. */
@Command(
        name = "spec",
        description = "Turn a plain-English description into a ServiceSpec and print it (offline unless"
                + " KILN_LLM_BASE_URL is set).",
        mixinStandardHelpOptions = true)
final class SpecCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PROMPT", description = "The description, in quotes.")
    @SuppressWarnings("NullAway.Init")
    private String prompt;

    @Option(names = "--format", description = "yaml (default) or json.")
    private ValidateCommand.Format format = ValidateCommand.Format.yaml;

    @Option(names = "--explain", description = "Also show, for every part, the words it came from and a confidence.")
    private boolean explain;

    @picocli.CommandLine.Spec
    @SuppressWarnings("NullAway.Init")
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ParsedIntent parsed = IntentParsers.fromEnvironment(System.getenv()).parse(prompt);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        parsed.warnings().forEach(w -> err.println("warning: " + w));
        if (format == ValidateCommand.Format.json) {
            out.print(explain ? explainedJson(parsed) : SpecWriter.toJson(parsed.spec()));
        } else {
            out.print(SpecWriter.toYaml(parsed.spec()));
            if (explain) {
                out.println("# Why each part exists (path: element <- words; confidence):");
                for (Explanation e : parsed.explanations()) {
                    out.printf(
                            Locale.ROOT,
                            "# %s: %s <- \"%s\" (%.2f)%n",
                            e.path(),
                            e.element(),
                            e.evidence(),
                            e.confidence());
                }
            }
        }
        return ExitCodes.OK;
    }

    private static String explainedJson(ParsedIntent parsed) {
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode root = json.createObjectNode();
        root.set("spec", json.readTree(SpecWriter.toJson(parsed.spec())));
        ArrayNode explanations = root.putArray("explanations");
        for (Explanation e : parsed.explanations()) {
            explanations
                    .addObject()
                    .put("path", e.path())
                    .put("element", e.element())
                    .put("evidence", e.evidence())
                    .put("confidence", e.confidence());
        }
        ArrayNode warnings = root.putArray("warnings");
        parsed.warnings().forEach(warnings::add);
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }
}
