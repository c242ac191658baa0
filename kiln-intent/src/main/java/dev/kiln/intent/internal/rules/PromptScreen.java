package dev.kiln.intent.internal.rules;

import dev.kiln.intent.UnclearPromptException;
import dev.kiln.intent.internal.lexicon.Lexicon;
import dev.kiln.intent.internal.nlp.EnglishAnalyzer;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prepares a prompt for parsing: normalises punctuation, bounds its size, splits it into sentences and
 * drops every sentence that tries to weaken security, with a warning for each.
 *
 * <p>Bounds keep time and memory flat for any input: at most {@value #MAX_CHARS} characters and
 * {@value #MAX_SENTENCES} sentences are read.
 */
final class PromptScreen {
    static final int MAX_CHARS = 20_000;
    static final int MAX_SENTENCES = 150;
    private static final int EXCERPT = 100;
    /** The tokenizer's work grows with the square of a word's length, so longer words are dropped. */
    static final int MAX_WORD = 100;

    private static final Pattern LONG_WORD = Pattern.compile("\\S{" + (MAX_WORD + 1) + ",}");
    private static final Pattern BULLET = Pattern.compile("^(?:[-*\u2022+]|\\d{1,3}[.)])\\s+");

    private final Lexicon lexicon;
    private final EnglishAnalyzer analyzer;

    PromptScreen(Lexicon lexicon, EnglishAnalyzer analyzer) {
        this.lexicon = lexicon;
        this.analyzer = analyzer;
    }

    /** The sentences that remain, and why others were dropped. */
    record Screened(List<String> sentences, List<String> warnings) {}

    Screened screen(String prompt) {
        if (prompt.isBlank()) {
            throw new UnclearPromptException("the prompt is empty: describe the things the service stores");
        }
        List<String> warnings = new ArrayList<>();
        String text = normalise(prompt);
        if (text.length() > MAX_CHARS) {
            int cut = Math.max(text.lastIndexOf('\n', MAX_CHARS), text.lastIndexOf(". ", MAX_CHARS) + 1);
            text = text.substring(0, cut > MAX_CHARS / 2 ? cut : MAX_CHARS);
            warnings.add("the prompt has " + prompt.length() + " characters; only the first " + text.length()
                    + " were read");
        }
        Matcher word = LONG_WORD.matcher(text);
        if (word.find()) {
            text = word.replaceAll(" ");
            warnings.add("ignored words longer than " + MAX_WORD + " characters");
        }
        List<String> sentences = new ArrayList<>();
        for (String line : text.split("\n")) {
            String stripped = BULLET.matcher(line.strip()).replaceFirst("");
            if (!stripped.isBlank()) {
                for (String sentence : analyzer.sentences(stripped)) {
                    keep(sentence, sentences, warnings);
                }
            }
        }
        if (sentences.size() > MAX_SENTENCES) {
            warnings.add("the prompt has " + sentences.size() + " sentences; only the first " + MAX_SENTENCES
                    + " were read");
            sentences = new ArrayList<>(sentences.subList(0, MAX_SENTENCES));
        }
        return new Screened(sentences, warnings);
    }

    private void keep(String sentence, List<String> sentences, List<String> warnings) {
        boolean injection =
                lexicon.injection().stream().anyMatch(p -> p.matcher(sentence).find());
        if (injection) {
            String excerpt = sentence.length() > EXCERPT ? sentence.substring(0, EXCERPT) + "..." : sentence;
            warnings.add("ignored an instruction that would weaken security: \"" + excerpt + "\"");
        } else {
            sentences.add(sentence);
        }
    }

    private static String normalise(String prompt) {
        String text = Normalizer.normalize(prompt, Normalizer.Form.NFKC)
                .replace("\r\n", "\n")
                .replace('\r', '\n')
                .replaceAll("[\u2018\u2019`\u00b4]", "'")
                .replaceAll("[\u201c\u201d]", "\"")
                .replaceAll("\\s[\u2013\u2014]\\s|[\u2013\u2014]", " - ")
                .replaceAll("[\\p{Cntrl}&&[^\n]]", " ");
        return text.strip();
    }
}
