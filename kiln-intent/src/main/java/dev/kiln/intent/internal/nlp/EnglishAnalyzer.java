package dev.kiln.intent.internal.nlp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import opennlp.tools.util.Span;

/**
 * Splits text into sentences and analyses each into tagged, lemmatised tokens with OpenNLP.
 *
 * <p>Hyphenated words that the tokenizer splits ("check - in") are joined again, because field and enum
 * names keep them whole. Typos are corrected before tagging so the tagger sees the intended word.
 */
public final class EnglishAnalyzer {
    private final TypoCorrector corrector;

    /**
     * Creates an analyser.
     *
     * @param corrector corrects typos in known words
     */
    public EnglishAnalyzer(TypoCorrector corrector) {
        this.corrector = corrector;
    }

    /**
     * Loads the models now rather than on the first prompt.
     */
    public static void warmUp() {
        EnglishModels.pipeline();
    }

    /**
     * Splits text into sentences.
     *
     * @param text one line of text
     * @return the sentences, trimmed, without empty ones
     */
    public List<String> sentences(String text) {
        return Arrays.stream(EnglishModels.pipeline().sentences().sentDetect(text))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /**
     * Analyses one sentence.
     *
     * @param sentence the sentence
     * @param maxTokens tokens beyond this many are dropped
     * @return the analysed sentence
     */
    public AnalyzedSentence analyze(String sentence, int maxTokens) {
        List<Token> raw = tokenize(sentence);
        int n = Math.min(raw.size(), maxTokens);
        String[] texts = new String[n];
        List<String> corrections = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String word = raw.get(i).text();
            Optional<String> fix = corrector.correct(word);
            fix.ifPresent(f -> corrections.add(word + " -> " + f));
            texts[i] = fix.orElse(word);
        }
        EnglishModels.Pipeline pipeline = EnglishModels.pipeline();
        String[] tags = pipeline.tagger().tag(texts);
        String[] lemmas = pipeline.lemmatizer().lemmatize(texts, tags);
        List<Token> tokens = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            tokens.add(raw.get(i).with(texts[i], tags[i], lemmas[i]));
        }
        return new AnalyzedSentence(sentence, tokens, corrections);
    }

    /** Tokenizes with OpenNLP, joining hyphenated words again; tags and lemmas are filled in later. */
    private static List<Token> tokenize(String sentence) {
        Span[] spans = EnglishModels.pipeline().tokenizer().tokenizePos(sentence);
        List<Token> tokens = new ArrayList<>();
        int previousEnd = 0;
        for (Span span : spans) {
            String text = sentence.substring(span.getStart(), span.getEnd());
            boolean space = span.getStart() > previousEnd || tokens.isEmpty();
            previousEnd = span.getEnd();
            if (!space && !tokens.isEmpty() && joinsHyphen(tokens.getLast().text(), text)) {
                Token last = tokens.removeLast();
                tokens.add(new Token(last.text() + text, "", "", "", last.spaceBefore(), last.start(), span.getEnd()));
                continue;
            }
            tokens.add(new Token(text, "", "", "", space, span.getStart(), span.getEnd()));
        }
        return tokens;
    }

    private static boolean joinsHyphen(String previous, String next) {
        boolean previousIsWord = Character.isLetterOrDigit(previous.charAt(previous.length() - 1));
        boolean nextIsWord = Character.isLetterOrDigit(next.charAt(0));
        return (previous.endsWith("-") && nextIsWord) || (next.equals("-") && previousIsWord);
    }
}
