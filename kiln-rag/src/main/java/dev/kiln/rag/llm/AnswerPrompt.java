package dev.kiln.rag.llm;

import dev.kiln.rag.answer.Sentences;
import dev.kiln.rag.search.SearchHit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The prompt sent to the model, and the reading of its reply into sentences with their citation markers. */
final class AnswerPrompt {
    /** What the model is told to reply when the chunks do not answer the question. */
    static final String NOT_IN_DOCUMENTS = "NOT IN DOCUMENTS";

    static final String SYSTEM = """
            You answer questions using only the numbered document excerpts the user gives you.
            Rules:
            1. End every sentence with the number of the excerpt that supports it in square brackets, like [2]; \
            cite several excerpts as [1][3].
            2. Say only what the cited excerpt says. Do not add facts, numbers, names or settings it does not contain.
            3. If the excerpts do not answer the question, reply exactly: NOT IN DOCUMENTS
            4. Answer in at most four sentences of plain text: no lists, headings or code blocks.""";

    /** The longest part of one chunk shown to the model. */
    static final int MAX_CHUNK_CHARS = 2000;

    private static final Pattern MARKERS = Pattern.compile("\\[\\s*(\\d{1,3}(?:\\s*,\\s*\\d{1,3})*)\\s*]");
    private static final Pattern LEADING_MARKERS =
            Pattern.compile("^((?:\\s*\\[\\s*\\d{1,3}(?:\\s*,\\s*\\d{1,3})*\\s*])+)");
    private static final String MARKER_GROUP = "((?:\\[\\s*\\d{1,3}(?:\\s*,\\s*\\d{1,3})*\\s*])+)";
    private static final Pattern END_THEN_MARKERS = Pattern.compile("([.!?])\\s*" + MARKER_GROUP + "\\s+(?=\\S)");
    private static final Pattern MARKERS_THEN_END = Pattern.compile(MARKER_GROUP + "\\s*([.!?])\\s+(?=\\S)");
    private static final Pattern LIST_ITEM = Pattern.compile("(?m)^\\s*(?:[-*•]|\\d{1,2}[.)])\\s+");

    private AnswerPrompt() {}

    /**
     * A sentence of the model's reply.
     *
     * @param written the sentence as the model wrote it, markers included
     * @param text the sentence without its markers
     * @param cited the chunk numbers it cites, in order, without repeats
     */
    record Claim(String written, String text, List<Integer> cited) {
        Claim {
            cited = List.copyOf(cited);
        }

        /** The sentence followed by its markers, as the answer shows it. */
        String normalized() {
            StringBuilder markers = new StringBuilder();
            cited.forEach(n -> markers.append('[').append(n).append(']'));
            String body = text.strip();
            return body + (body.matches(".*[.!?]$") ? " " : ". ") + markers;
        }
    }

    static String user(String question, List<SearchHit> chunks) {
        StringBuilder prompt = new StringBuilder("Excerpts:\n\n");
        for (int i = 0; i < chunks.size(); i++) {
            SearchHit chunk = chunks.get(i);
            String text = chunk.text().strip();
            if (text.length() > MAX_CHUNK_CHARS) {
                text = text.substring(0, MAX_CHUNK_CHARS) + " ...";
            }
            prompt.append('[').append(i + 1).append("] ").append(chunk.title());
            if (!chunk.section().isEmpty() && !chunk.section().equals(chunk.title())) {
                prompt.append(" — ").append(chunk.section());
            }
            prompt.append('\n').append(text).append("\n\n");
        }
        return prompt.append("Question: ").append(question.strip()).toString();
    }

    /** Whether the reply says the excerpts do not answer the question. */
    static boolean declines(String reply) {
        String plain = reply.strip().replaceAll("[.!\"'`*]+$", "").replaceAll("^[\"'`*]+", "");
        return plain.toUpperCase(Locale.ROOT).equals(NOT_IN_DOCUMENTS);
    }

    /** Splits a reply into sentences, each with the markers that follow it. */
    static List<Claim> claims(String reply) {
        String flat =
                LIST_ITEM.matcher(reply).replaceAll("").replaceAll("\\s+", " ").strip();
        // A full stop next to markers ends a sentence even where the sentence iterator does not see it.
        String split = END_THEN_MARKERS.matcher(flat).replaceAll("$1 $2\n");
        split = MARKERS_THEN_END.matcher(split).replaceAll("$1$2\n");
        List<String> pieces = new ArrayList<>();
        for (String line : split.split("\n")) {
            pieces.addAll(sentences(line));
        }
        // "It is 200 ms. [1] The ..." puts [1] at the start of the next piece; it belongs to the one before.
        for (int i = 1; i < pieces.size(); i++) {
            Matcher leading = LEADING_MARKERS.matcher(pieces.get(i));
            if (leading.find()) {
                pieces.set(i - 1, pieces.get(i - 1) + " " + leading.group(1).strip());
                pieces.set(i, pieces.get(i).substring(leading.end()).strip());
            }
        }
        List<Claim> claims = new ArrayList<>();
        for (String piece : pieces) {
            String text = MARKERS.matcher(piece)
                    .replaceAll("")
                    .replaceAll("\\s+([.,;:!?])", "$1")
                    .replaceAll("\\s+", " ")
                    .strip();
            if (text.chars().noneMatch(Character::isLetterOrDigit)) {
                continue;
            }
            Set<Integer> cited = new LinkedHashSet<>();
            Matcher markers = MARKERS.matcher(piece);
            while (markers.find()) {
                for (String n : markers.group(1).split(",")) {
                    cited.add(Integer.parseInt(n.strip()));
                }
            }
            claims.add(new Claim(piece.strip(), text, List.copyOf(cited)));
        }
        return claims;
    }

    /** The sentences of a text, blank-line separated blocks apart. */
    static List<String> sentences(String text) {
        return Sentences.of(text);
    }
}
