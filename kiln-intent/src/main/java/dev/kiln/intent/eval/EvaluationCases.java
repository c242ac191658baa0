package dev.kiln.intent.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads labelled prompts from JSON Lines: one {@link EvaluationCase} per line.
 */
public final class EvaluationCases {
    /** Class-path location of the shipped evaluation set. */
    public static final String STANDARD = "/dev/kiln/intent/eval/prompts.jsonl";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EvaluationCases() {}

    /**
     * Returns the shipped evaluation set.
     *
     * @return the cases, in file order
     */
    public static List<EvaluationCase> standard() {
        try (InputStream in = EvaluationCases.class.getResourceAsStream(STANDARD)) {
            if (in == null) {
                throw new IllegalStateException("the evaluation set " + STANDARD + " is missing from the class path");
            }
            return read(in, STANDARD);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + STANDARD + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads cases from a stream of JSON Lines; blank lines are skipped.
     *
     * @param in the stream, UTF-8
     * @param label the name used in messages
     * @return the cases
     * @throws IOException if the stream cannot be read
     */
    public static List<EvaluationCase> read(InputStream in, String label) throws IOException {
        List<EvaluationCase> cases = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            try {
                cases.add(JSON.readValue(line, EvaluationCase.class));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(label + ":" + number + ": not a valid case: " + e.getMessage(), e);
            }
        }
        return cases;
    }
}
