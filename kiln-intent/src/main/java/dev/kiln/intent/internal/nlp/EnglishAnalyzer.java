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
        List<String> words = new ArrayList<>();
        List<Boolean> spaces = new ArrayList<>();
        tokenize(sentence, words, spaces);
        int n = Math.min(words.size(), maxTokens);
        String[] texts = new String[n];
        List<String> corrections = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String word = words.get(i);
            Optional<String> fix = corrector.correct(word);
            fix.ifPresent(f -> corrections.add(word + " -> " + f));
            texts[i] = fix.orElse(word);
        }
        EnglishModels.Pipeline pipeline = EnglishModels.pipeline();
        String[] tags = pipeline.tagger().tag(texts);
        String[] lemmas = pipeline.lemmatizer().lemmatize(texts, tags);
        List<Token> tokens = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            tokens.add(Token.of(texts[i], tags[i], lemmas[i], spaces.get(i)));
        }
        return new AnalyzedSentence(sentence, tokens, corrections);
    }

    private static void tokenize(String sentence, List<String> words, List<Boolean> spaces) {
        Span[] spans = EnglishModels.pipeline().tokenizer().tokenizePos(sentence);
        int previousEnd = 0;
        for (Span span : spans) {
            String text = sentence.substring(span.getStart(), span.getEnd());
            boolean space = span.getStart() > previousEnd || words.isEmpty();
            previousEnd = span.getEnd();
            int last = words.size() - 1;
            if (!space && last >= 0 && joinsHyphen(words.get(last), text)) {
                words.set(last, words.get(last) + text);
                continue;
            }
            words.add(text);
            spaces.add(space);
        }
    }

    private static boolean joinsHyphen(String previous, String next) {
        boolean previousIsWord = Character.isLetterOrDigit(previous.charAt(previous.length() - 1));
        boolean nextIsWord = Character.isLetterOrDigit(next.charAt(0));
        return (previous.endsWith("-") && nextIsWord) || (next.equals("-") && previousIsWord);
    }
}
