package dev.kiln.rag.eval;

import dev.kiln.rag.RagException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads question sets: JSON lines {@code {"id": "...", "q": "...", "relevant": ["page.html", ...]}}, blank
 * lines ignored; an empty {@code relevant} marks a question the documents cannot answer.
 */
public final class Questions {
    private Questions() {}

    /**
     * Reads a question set.
     *
     * @param file the JSON-lines file
     * @return the questions in file order
     * @throws RagException when the file cannot be read or a line is malformed (with its line number)
     */
    public static List<Question> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new RagException("cannot read the question set " + file + ": " + e.getMessage(), e);
        }
        List<Question> questions = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty()) {
                questions.add(parse(line, file + ":" + (i + 1)));
            }
        }
        return questions;
    }

    private static Question parse(String line, String where) {
        JsonNode node;
        try {
            node = JsonMapper.shared().readTree(line);
        } catch (JacksonException e) {
            throw new RagException(where + ": not JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode id = node.get("id");
        JsonNode q = node.get("q");
        JsonNode relevant = node.get("relevant");
        if (id == null || q == null || !q.isString() || relevant == null || !relevant.isArray()) {
            throw new RagException(
                    where + ": expected {\"id\": ..., \"q\": \"question\", \"relevant\": [\"page\", ...]}");
        }
        List<String> pages = new ArrayList<>();
        relevant.forEach(page -> pages.add(page.asString()));
        return new Question(id.asString(), q.asString(), pages);
    }
}
