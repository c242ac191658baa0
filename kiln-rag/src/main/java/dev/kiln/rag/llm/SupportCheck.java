package dev.kiln.rag.llm;

import dev.kiln.rag.store.StoreSchema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * Decides whether a sentence is supported by the text it cites, by a rule that can be measured and tested.
 *
 * <p>A sentence is <b>supported</b> when both hold:
 *
 * <ol>
 *   <li><b>Exact tokens are all there.</b> Every number ({@code 200}, {@code 52,000}, {@code 1.5}) and every
 *       identifier-like token (one with a digit, an underscore, an inner dot or a leading dash, such as
 *       {@code work_mem}, {@code pg_ctl}, {@code --from}, {@code e2e}) occurs as a whole token in the cited text.
 *       A model that changes a default from 200 to 250 ms, or names a setting the page does not, fails here.
 *   <li><b>Most content words are there.</b> At least {@link #MIN_COVERAGE} of the sentence's distinct content
 *       words (Lucene's English analysis: stop words dropped, Porter stems, so "restores" matches "restore") occur
 *       in the cited text, and the sentence has at least one content word.
 * </ol>
 *
 * <p>The rule catches invented facts that bring new words, numbers or names; it cannot see a sentence that
 * rearranges the cited words into a different claim (a negation, swapped subjects). That is a limit of any
 * lexical check.
 */
public final class SupportCheck {
    /** The share of a sentence's content words that must occur in the cited text. */
    public static final double MIN_COVERAGE = 0.6;

    private static final Pattern TOKEN = Pattern.compile("-{0,2}[\\p{L}\\p{N}_]+(?:[.,:/_-][\\p{L}\\p{N}_]+)*");

    private final Analyzer analyzer = new EnglishAnalyzer();

    /** Creates a check. */
    public SupportCheck() {}

    /**
     * The outcome for one sentence.
     *
     * @param supported whether the rule holds
     * @param coverage the share of the sentence's content words found in the cited text, 0 to 1
     * @param missingExact the numbers and identifiers of the sentence absent from the cited text
     */
    public record Verdict(boolean supported, double coverage, List<String> missingExact) {
        /** Copies the list. */
        public Verdict {
            missingExact = List.copyOf(missingExact);
        }

        /**
         * Says why the sentence is not supported.
         *
         * @return the reason, or an empty string when it is supported
         */
        public String reason() {
            if (supported) {
                return "";
            }
            if (!missingExact.isEmpty()) {
                return "the cited chunks do not contain " + String.join(", ", missingExact);
            }
            return String.format(
                    Locale.ROOT,
                    "only %.0f%% of its content words are in the cited chunks (at least %.0f%% needed)",
                    coverage * 100,
                    MIN_COVERAGE * 100);
        }
    }

    /**
     * Checks a sentence against the text it cites.
     *
     * @param sentence the sentence, without its citation markers
     * @param cited the cited chunks' text, titles and sections included
     * @return the verdict
     */
    public Verdict check(String sentence, String cited) {
        Set<String> citedTokens = exactForms(cited);
        List<String> missing = new ArrayList<>();
        for (String token : exactTokens(sentence)) {
            if (!citedTokens.contains(normalized(token))) {
                missing.add(token);
            }
        }
        Set<String> words = stems(sentence);
        Set<String> citedStems = stems(cited);
        long found = words.stream().filter(citedStems::contains).count();
        double coverage = words.isEmpty() ? 0 : (double) found / words.size();
        boolean supported = missing.isEmpty() && !words.isEmpty() && coverage >= MIN_COVERAGE;
        return new Verdict(supported, coverage, missing);
    }

    /** The numbers and identifier-like tokens of a text, as written. */
    static List<String> exactTokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            String token = trimmed(matcher.group());
            if (isExact(token) && !tokens.contains(token)) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    private static Set<String> exactForms(String text) {
        Set<String> forms = new LinkedHashSet<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            String token = trimmed(matcher.group());
            forms.add(normalized(token));
            // "--from=/srv" and "pg_ctl's" also offer their parts.
            for (String part : token.split("[=/:,]")) {
                if (!part.isEmpty()) {
                    forms.add(normalized(part));
                }
            }
        }
        return forms;
    }

    private static boolean isExact(String token) {
        return token.chars().anyMatch(Character::isDigit)
                || token.indexOf('_') >= 0
                || token.startsWith("-")
                || (token.length() > 4 && token.matches(".*\\p{L}\\.\\p{L}.*"));
    }

    /** Drops a trailing separator a sentence's punctuation left on the token. */
    private static String trimmed(String token) {
        String t = token;
        while (!t.isEmpty() && ".,:/-".indexOf(t.charAt(t.length() - 1)) >= 0) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }

    /** Lower case, and digit-group commas dropped, so that 52,000 and 52000 are one number. */
    private static String normalized(String token) {
        String lower = token.toLowerCase(Locale.ROOT);
        return lower.matches("\\d{1,3}(,\\d{3})+(\\.\\d+)?") ? lower.replace(",", "") : lower;
    }

    /**
     * The content words of a text: Lucene's English analysis, stop words dropped, Porter stems.
     *
     * @param text the text
     * @return its distinct stems, in order of first occurrence
     */
    Set<String> stems(String text) {
        return StoreSchema.terms(analyzer, text);
    }
}
