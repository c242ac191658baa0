package dev.kiln.codegen.contributor.web;

import dev.kiln.codegen.model.ServiceModel;
import dev.kiln.codegen.spi.ProjectContributor;
import dev.kiln.codegen.spi.ProjectFiles;
import dev.kiln.spec.KilnException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Contributes the {@code web} support package every service shares: problem-detail mapping, ETags,
 * merge patch, strict paging, specifications, and the JSON column converter.
 *
 * <p>These classes do not vary with the spec, so Kiln ships them as reviewed Java sources and only moves
 * them into the service's package; everything that varies with the spec comes from the code model.
 */
public final class WebSupportContributor implements ProjectContributor {
    /** The support classes, by simple name. */
    static final List<String> CLASSES = List.of(
            "ApiExceptionHandler",
            "BadRequestException",
            "ETags",
            "FieldMessage",
            "JsonNodeConverter",
            "MergePatcher",
            "NotFoundException",
            "PageQuery",
            "PageResponse",
            "PreconditionFailedException",
            "ProblemErrorReportValve",
            "Specs",
            "WebConfig");

    private static final Pattern PACKAGE = Pattern.compile("^package [a-z0-9_.]+;", Pattern.MULTILINE);
    private static final String ROOT = "/dev/kiln/codegen/support/";

    @Override
    public void contribute(ServiceModel model, ProjectFiles files) {
        String pkg = model.webPackage();
        String dir = "src/main/java/" + pkg.replace('.', '/') + "/";
        for (String name : CLASSES) {
            String source = PACKAGE.matcher(read(name)).replaceFirst(Matcher.quoteReplacement("package " + pkg + ";"));
            files.addText(dir + name + ".java", source);
        }
        files.addText(
                dir + "package-info.java",
                "/** Web support shared by every resource: errors as RFC 9457 problem"
                        + " details, ETags, merge patch and paging. */\npackage " + pkg + ";\n");
    }

    private static String read(String name) {
        try (InputStream in = WebSupportContributor.class.getResourceAsStream(ROOT + name + ".java.txt")) {
            if (in == null) {
                throw new KilnException("Kiln is missing its bundled support source " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KilnException("cannot read the bundled support source " + name, e);
        }
    }
}
