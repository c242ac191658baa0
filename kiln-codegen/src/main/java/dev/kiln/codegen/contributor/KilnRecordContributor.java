package dev.kiln.codegen.contributor;

import dev.kiln.codegen.model.ServiceModel;
import dev.kiln.codegen.spi.ProjectContributor;
import dev.kiln.codegen.spi.ProjectFiles;
import dev.kiln.spec.io.SpecWriter;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Contributes {@code .kiln/}: the spec the project was generated from, and a manifest of every generated
 * file with its SHA-256, so a later regeneration can tell the user's edits from Kiln's output, and the
 * extension points among them ({@code createOnly}), which regeneration never writes again.
 *
 * <p>Runs last, so the manifest covers every other contributor's files.
 */
public final class KilnRecordContributor implements ProjectContributor {
    /** The recorded spec. */
    public static final String SPEC = ".kiln/spec.yaml";

    /** The manifest of generated files. */
    public static final String MANIFEST = ".kiln/manifest.json";

    @Override
    public void contribute(ServiceModel model, ProjectFiles files) {
        StringBuilder manifest = new StringBuilder("{\n  \"kiln\": \"")
                .append(model.kilnVersion())
                .append("\",\n");
        manifest.append("  \"files\": {\n");
        boolean first = true;
        for (Map.Entry<String, byte[]> file : files.view().entrySet()) {
            manifest.append(first ? "" : ",\n")
                    .append("    \"")
                    .append(file.getKey())
                    .append("\": \"")
                    .append(sha256(file.getValue()))
                    .append('"');
            first = false;
        }
        manifest.append("\n  }");
        if (!files.extensionPoints().isEmpty()) {
            // Extension points: created once, then the user's; regeneration never writes them again.
            manifest.append(",\n  \"createOnly\": [\n");
            manifest.append(String.join(
                    ",\n",
                    files.extensionPoints().stream()
                            .map(path -> "    \"" + path + "\"")
                            .toList()));
            manifest.append("\n  ]");
        }
        manifest.append("\n}\n");
        files.addText(SPEC, SpecWriter.toYaml(model.spec()));
        files.addText(MANIFEST, manifest.toString());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
