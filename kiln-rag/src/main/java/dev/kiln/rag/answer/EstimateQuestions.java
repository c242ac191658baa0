package dev.kiln.rag.answer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises questions that ask for a measured figure of the asker's own workload: how long an operation
 * will take, how many rows per second a machine loads, by what percentage or ratio one thing beats another
 * ("How long does pg_basebackup take to copy a 2 TB cluster?", "What compression ratio does pglz typically
 * achieve?"). Documentation describes behaviour and settings, not measurements, so its words cover such a
 * question while no passage answers it; an extractive answer would quote something beside the point.
 *
 * <p>A question asks for an estimate when a sentence of it opens with a quantity question (<i>how long, how
 * much, how many, how fast, what percentage, what ratio, what TPS</i>, optionally after <i>roughly</i> or
 * <i>approximately</i>) whose sentence names a measurement (<i>take, use, cost, lose, save, achieve, expect,
 * load, apply, report, faster, smaller, per</i>, ...), and the question is about a rate, a ratio or a
 * comparison, gives a figure of its own (<i>2 TB, 64 clients, 500 million rows</i>) or asks for a typical or
 * rough value; or when it asks "by how much". A question about a setting or a default ("How many
 * connections are reserved by default?") is not one: the documentation states those.
 */
final class EstimateQuestions {
    /** Longer questions are read up to here: the patterns stay linear, the bound keeps them cheap. */
    private static final int MAX_CHARS = 4_000;

    private static final Pattern OPENING = Pattern.compile(
            "(?:^|[.?!:;]\\s+)(?:(?:roughly|approximately|about|so)\\s*,?\\s+)?"
                    + "(?:how long|how much|how many|how fast|how quickly|what percentage|what percent"
                    + "|by what percentage|what (?:\\w+ )?ratio|what (?:tps|throughput))\\b([^.?!]*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MEASURED = Pattern.compile(
            "\\b(?:take|takes|taking|use|uses|cost|costs|lose|loses|save|saves|gain|gains|achieve|achieves"
                    + "|expect|apply|load|loads|report|faster|slower|smaller|larger|bigger|per)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RATE_OR_COMPARISON = Pattern.compile(
            "\\b(?:per|faster|slower|smaller|larger|bigger|percent|percentage|ratio|tps|throughput"
                    + "|typical|typically|roughly|approximately|on average)\\b|%",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OWN_FIGURE = Pattern.compile(
            "\\b\\d[\\d,.]*\\s*-?\\s*(?:tb|gb|mb|gbit|mbit|gib|mib|cores?|cpus?|clients|connections|rows?"
                    + "|tables|million|billion)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SETTING = Pattern.compile(
            "\\b(?:default|defaults|setting|settings|parameter|configured|configure|set to|limit)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BY_HOW_MUCH = Pattern.compile("\\bby how much\\b", Pattern.CASE_INSENSITIVE);

    private EstimateQuestions() {}

    /**
     * Tells whether a question asks for a measured figure of a workload.
     *
     * @param question the question
     * @return true for "how long will it take"-style questions
     */
    static boolean asksForEstimate(String question) {
        String q = question.length() > MAX_CHARS ? question.substring(0, MAX_CHARS) : question;
        if (BY_HOW_MUCH.matcher(q).find()) {
            return true;
        }
        if (SETTING.matcher(q).find()) {
            return false;
        }
        if (!RATE_OR_COMPARISON.matcher(q).find() && !OWN_FIGURE.matcher(q).find()) {
            return false;
        }
        Matcher opening = OPENING.matcher(q);
        while (opening.find()) {
            if (MEASURED.matcher(opening.group(1)).find()) {
                return true;
            }
        }
        return false;
    }
}
