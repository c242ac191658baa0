package dev.kiln.guard.eval;

import dev.kiln.guard.Finding;
import dev.kiln.guard.GuardException;
import dev.kiln.guard.Guardrail;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Scores span guardrails (PII, secrets) on labelled texts: a finding counts only if its type, start and end
 * all equal a labelled span's; anything else found is a false positive, anything labelled and not found a
 * false negative. {@link #standardSet()} is Kiln's own set with look-alikes that fail their checksums.
 */
public final class SpanEvaluation {
    /** The classpath location of Kiln's labelled PII and secrets set. */
    public static final String STANDARD = "dev/kiln/guard/eval/pii-secrets.jsonl";

    /** The regions whose national phone numbers {@link #STANDARD} labels; score it with these. */
    public static final List<String> STANDARD_PHONE_REGIONS = List.of("US", "GB", "DE", "FR", "IN", "JP", "AU", "BR");

    private final List<Guardrail> guardrails;

    /**
     * Creates an evaluation of guardrails whose findings are pooled.
     *
     * @param guardrails the guardrails
     */
    public SpanEvaluation(List<Guardrail> guardrails) {
        this.guardrails = List.copyOf(guardrails);
    }

    /**
     * Kiln's labelled PII and secrets set.
     *
     * @return its texts
     */
    public static List<LabelledText> standardSet() {
        try (InputStream in = SpanEvaluation.class.getClassLoader().getResourceAsStream(STANDARD)) {
            if (in == null) {
                throw new GuardException("missing resource " + STANDARD);
            }
            return read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new GuardException("cannot read " + STANDARD, e);
        }
    }

    /**
     * Reads JSON lines of {@code {"id", "text"}} whose texts carry {@code [[TYPE:value]]} marks.
     *
     * @param jsonLines the content
     * @return the labelled texts
     */
    public static List<LabelledText> read(String jsonLines) {
        ObjectMapper json = new ObjectMapper();
        List<LabelledText> texts = new ArrayList<>();
        String[] lines = jsonLines.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            JsonNode node = json.readTree(lines[i]);
            texts.add(LabelledText.parse(
                    node.path("id").asString("line " + (i + 1)),
                    node.path("text").asString()));
        }
        return texts;
    }

    /**
     * Scores the guardrails on labelled texts.
     *
     * @param texts the labelled texts
     * @return the score per type, sorted by type
     */
    public Map<String, Score> evaluate(List<LabelledText> texts) {
        Map<String, Score> byType = new TreeMap<>();
        for (LabelledText t : texts) {
            Set<LabelledSpan> expected = new HashSet<>(t.spans());
            Set<LabelledSpan> found = new HashSet<>();
            for (Guardrail g : guardrails) {
                for (Finding f : g.inspect(t.text())) {
                    found.add(new LabelledSpan(f.type(), f.start(), f.end()));
                }
            }
            for (LabelledSpan s : found) {
                byType.merge(
                        s.type(), expected.contains(s) ? new Score(1, 0, 0, 0) : new Score(0, 1, 0, 0), Score::plus);
            }
            for (LabelledSpan s : expected) {
                if (!found.contains(s)) {
                    byType.merge(s.type(), new Score(0, 0, 1, 0), Score::plus);
                }
            }
        }
        return byType;
    }

    /**
     * The misses and false alarms of one text, for reports.
     *
     * @param text a labelled text
     * @return one line per wrong span, empty when the guardrails were exactly right
     */
    public List<String> errors(LabelledText text) {
        Set<LabelledSpan> expected = new HashSet<>(text.spans());
        List<String> errors = new ArrayList<>();
        Set<LabelledSpan> found = new HashSet<>();
        for (Guardrail g : guardrails) {
            for (Finding f : g.inspect(text.text())) {
                LabelledSpan s = new LabelledSpan(f.type(), f.start(), f.end());
                found.add(s);
                if (!expected.contains(s)) {
                    errors.add(text.id() + ": false " + s.type() + " '"
                            + text.text().substring(s.start(), s.end()) + "'");
                }
            }
        }
        for (LabelledSpan s : expected) {
            if (!found.contains(s)) {
                errors.add(
                        text.id() + ": missed " + s.type() + " '" + text.text().substring(s.start(), s.end()) + "'");
            }
        }
        return errors;
    }
}
