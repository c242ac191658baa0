package dev.kiln.guard.eval;

import dev.kiln.guard.GuardException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads Microsoft presidio-research's synthetic PII set ({@code synth_dataset_v2.json}) as labelled texts,
 * keeping the entity types Kiln detects under Kiln's names; the other types (names, addresses ...) are
 * dropped, so finding them would count as a false positive.
 */
public final class PresidioPiiSet {
    private static final Map<String, String> TYPES = Map.of(
            "CREDIT_CARD", "CREDIT_CARD",
            "PHONE_NUMBER", "PHONE",
            "EMAIL_ADDRESS", "EMAIL",
            "IBAN_CODE", "IBAN",
            "US_SSN", "US_SSN",
            "IP_ADDRESS", "IP_ADDRESS");

    private PresidioPiiSet() {}

    /**
     * Reads the set.
     *
     * @param file the JSON file
     * @return one labelled text per record
     * @throws GuardException if the file cannot be read or parsed
     */
    public static List<LabelledText> read(Path file) {
        try {
            JsonNode root = new ObjectMapper().readTree(Files.readString(file));
            List<LabelledText> texts = new ArrayList<>();
            int i = 0;
            for (JsonNode record : root) {
                List<LabelledSpan> spans = new ArrayList<>();
                for (JsonNode s : record.path("spans")) {
                    String type = TYPES.get(s.path("entity_type").asString(""));
                    if (type != null) {
                        spans.add(new LabelledSpan(
                                type,
                                s.path("start_position").asInt(),
                                s.path("end_position").asInt()));
                    }
                }
                texts.add(new LabelledText(
                        "presidio-" + i++, record.path("full_text").asString(""), spans));
            }
            return texts;
        } catch (IOException | JacksonException e) {
            throw new GuardException("cannot read the presidio PII set " + file + ": " + e.getMessage(), e);
        }
    }
}
