package dev.kiln.codegen.contributor.web;

import dev.kiln.codegen.model.ServiceModel;
import dev.kiln.codegen.spi.BundledSource;
import dev.kiln.codegen.spi.ProjectContributor;
import dev.kiln.codegen.spi.ProjectFiles;
import java.util.List;

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
            "ApiDocsGate",
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

    private static final String ROOT = "/dev/kiln/codegen/support/";

    @Override
    public void contribute(ServiceModel model, ProjectFiles files) {
        String pkg = model.webPackage();
        String dir = "src/main/java/" + pkg.replace('.', '/') + "/";
        for (String name : CLASSES) {
            String source = BundledSource.repackaged(ROOT, name, pkg);
            files.addText(dir + name + ".java", source);
        }
        files.addText(
                dir + "package-info.java",
                "/** Web support shared by every resource: errors as RFC 9457 problem"
                        + " details, ETags, merge patch and paging. */\npackage " + pkg + ";\n");
    }
}
