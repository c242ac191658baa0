package dev.kiln.cli;

import dev.kiln.codegen.GeneratedProject;
import dev.kiln.codegen.KilnVersion;
import dev.kiln.codegen.ProjectGenerator;
import dev.kiln.codegen.model.EntityModel;
import dev.kiln.codegen.model.ServiceModel;
import dev.kiln.codegen.verify.JdkLocator;
import dev.kiln.codegen.verify.VerificationReport;
import dev.kiln.codegen.verify.Verifier;
import dev.kiln.codegen.writer.ProjectWriter;
import dev.kiln.codegen.writer.TargetNotEmptyException;
import dev.kiln.intent.ParsedIntent;
import dev.kiln.spec.AuthFeature;
import dev.kiln.spec.AuthType;
import dev.kiln.spec.Features;
import dev.kiln.spec.ServiceSpec;
import dev.kiln.spec.io.SpecReader;
import dev.kiln.spec.io.SpecWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kiln new "PROMPT"}: prompt to spec to project to verified service, in one go. */
@Command(
        name = "new",
        description = "Describe a service; Kiln writes the spec (DIR/kiln.yaml), generates the project and"
                + " verifies it (build, tests, boot, smoke test).",
        mixinStandardHelpOptions = true)
final class NewCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PROMPT", description = "The description, in quotes.")
    @SuppressWarnings("NullAway.Init")
    private String prompt;

    @Option(
            names = {"-o", "--out"},
            paramLabel = "DIR",
            description = "Target directory; default: ./<name>.")
    private @Nullable Path out;

    @Option(names = "--no-verify", description = "Generate only; skip building and testing the project.")
    private boolean noVerify;

    @picocli.CommandLine.Spec
    @SuppressWarnings("NullAway.Init")
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        stdout.println("[1/3] Reading the prompt ...");
        ParsedIntent parsed = IntentParsers.fromEnvironment(System.getenv()).parse(prompt);
        parsed.warnings().forEach(w -> err.println("warning: " + w));
        String yaml = SpecWriter.toYaml(parsed.spec());
        ServiceSpec service = new SpecReader().read(yaml, "kiln.yaml", false);
        Path target = out != null ? out : Path.of(service.name());
        if (Files.exists(target) && !isEmptyDirectory(target)) {
            throw new TargetNotEmptyException(target.toAbsolutePath(), Files.isDirectory(target.resolve(".kiln")));
        }
        stdout.printf(Locale.ROOT, "      spec: %s%n", summary(service));
        stdout.println("[2/3] Generating the project ...");
        GeneratedProject project = new ProjectGenerator(KilnVersion.get())
                .generate(service)
                .with("kiln.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        ProjectWriter.writeNew(project, target);
        stdout.printf(
                Locale.ROOT,
                "      %d files in %s (%d ms)%n",
                project.size(),
                target,
                (System.nanoTime() - start) / 1_000_000);
        boolean passed = true;
        if (noVerify) {
            stdout.println("[3/3] Verification skipped (--no-verify); run ./kiln verify " + target + " later.");
        } else {
            stdout.println("[3/3] Verifying: build, tests, boot, smoke test ...");
            Verifier verifier =
                    new Verifier(JdkLocator.system(), new VerifyProgress(stdout, false), Duration.ofMinutes(3));
            VerificationReport report = verifier.verify(target, service);
            VerifyProgress.printReport(report, stdout, err);
            passed = report.passed();
        }
        closingSummary(stdout, service, target);
        return passed ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private static String summary(ServiceSpec service) {
        return service.name() + " with " + service.entities().size() + " entities ("
                + service.entities().stream().map(e -> e.name()).collect(Collectors.joining(", ")) + "), "
                + service.relations().size() + " relations";
    }

    private static void closingSummary(PrintWriter out, ServiceSpec service, Path target) {
        ServiceModel model = ServiceModel.of(service, KilnVersion.get());
        out.println();
        out.println("Built " + service.name() + " in " + target + ":");
        for (EntityModel entity : model.entities()) {
            out.printf(
                    Locale.ROOT,
                    "  /api/%-20s %s (%d fields)%n",
                    entity.path(),
                    entity.spec().name(),
                    entity.fields().size());
        }
        out.println("Run it:        cd " + target + " && ./run.sh   (http://127.0.0.1:8080/swagger-ui.html;"
                + " ./mvnw spring-boot:run while developing)");
        out.println("Test it:       cd " + target + " && ./mvnw verify");
        out.println("Edit the spec: " + target.resolve("kiln.yaml") + " (review it; it is the contract for the code)");
        AuthFeature auth = service.features().auth();
        boolean secured = auth != null && auth.type() != AuthType.NONE;
        if (auth != null && secured) {
            out.println("Security:      " + auth.type().id()
                    + "; every /api call needs credentials (see the project's README.md, \"Security\")");
        }
        List<String> pending = pendingFeatures(service);
        if (!pending.isEmpty()) {
            out.println("Not generated yet: " + String.join(", ", pending) + " are recorded in kiln.yaml, but this"
                    + " Kiln does not generate them yet (issue #5 and later)"
                    + (secured ? "." : "; the API is open to every caller."));
        }
    }

    private static List<String> pendingFeatures(ServiceSpec service) {
        Features f = service.features();
        List<String> pending = new ArrayList<>();
        if (f.audit()) {
            pending.add("audit");
        }
        if (f.softDelete()) {
            pending.add("softDelete");
        }
        if (f.cache()) {
            pending.add("cache");
        }
        if (f.multiTenant()) {
            pending.add("multiTenant");
        }
        if (f.search() != null) {
            pending.add("search");
        }
        return pending;
    }

    private static boolean isEmptyDirectory(Path dir) {
        try (var entries = Files.list(dir)) {
            return Files.isDirectory(dir) && entries.findAny().isEmpty();
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
