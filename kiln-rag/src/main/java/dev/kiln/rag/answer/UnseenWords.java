package dev.kiln.rag.answer;

import dev.kiln.rag.search.LexicalRetriever;
import dev.kiln.rag.search.SearchRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what a question names that the documents a principal may read never mention: single words (a
 * product, a setting of another system, an extension the documents do not describe) and names of
 * several capitalised words, looked up as phrases because each of their words may be common.
 */
final class UnseenWords {
    /** A word: letters, digits and the joiners of identifiers (pg_cron, db.r6g.large, fast-start). */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_][\\p{L}\\p{N}_.'-]*+");

    /** Joiners at the end of a word are punctuation: "pg_cron." or "users'". */
    private static final Pattern TRAILING_JOINERS = Pattern.compile("[.'-]++$");

    /**
     * A name: a capitalised word (mixed case like "Oracle", or an acronym like "SQL") followed by one or
     * more capitalised words or version numbers. All-capital runs ("SELECT INTO STRICT") are SQL, not
     * names, and are skipped by {@link #names}.
     */
    private static final Pattern NAME = Pattern.compile(
            "\\b\\p{Lu}[\\p{L}\\p{N}]*+(?:[ \\t]++(?:\\p{Lu}[\\p{L}\\p{N}]*+|\\p{N}++(?:\\.\\p{N}++)*+)\\b)++");

    private static final Pattern IDENTIFIER = Pattern.compile("[\\p{N}_.]|.\\p{Lu}");
    private static final Pattern FIRST_WORD = Pattern.compile("^\\S++\\s++");
    private static final Pattern LOWER = Pattern.compile("\\p{Ll}");

    private final LexicalRetriever lexical;
    private final TermCoverage weights;

    UnseenWords(LexicalRetriever lexical, TermCoverage weights) {
        this.lexical = lexical;
        this.weights = weights;
    }

    /** The unseen words and names of a question, and the IDF-weighted share of its words unseen. */
    Evidence measure(String question, Set<String> principals, double bestCosine, double termCoverage) {
        SearchRequest readable = SearchRequest.of(question, principals, 1);
        double unseenIdf = weights.unseenIdf();
        double total = 0;
        double unseen = 0;
        List<String> unseenWords = new ArrayList<>();
        Set<String> counted = new LinkedHashSet<>();
        Matcher word = WORD.matcher(question);
        while (word.find()) {
            String surface = TRAILING_JOINERS.matcher(word.group()).replaceFirst("");
            Set<String> terms = new LinkedHashSet<>(weights.analysed(surface));
            terms.removeAll(counted);
            if (terms.isEmpty()) {
                continue;
            }
            counted.addAll(terms);
            if (!telling(surface) || lexical.mentions(readable, surface)) {
                for (String term : terms) {
                    total += weights.idf(term);
                }
            } else {
                unseenWords.add(surface);
                total += unseenIdf * terms.size();
                unseen += unseenIdf * terms.size();
            }
        }
        List<String> unseenNames = new ArrayList<>();
        for (String name : names(question)) {
            if (!lexical.mentions(readable, name)) {
                unseenNames.add(name);
            }
        }
        return new Evidence(bestCosine, termCoverage, total == 0 ? 0 : unseen / total, unseenWords, unseenNames);
    }

    /**
     * Tells whether a word's absence from the documents says something: a word that looks like an
     * identifier or a version (a digit, an underscore, a dot, a capital after the first letter: pg_cron,
     * db.r6g.large, MongoDB), or one that is not everyday English (etcd, pgvector). An everyday word
     * ("do", "interval") may simply not occur in a small store, or only inside an identifier such as
     * journal_flush_interval, and is treated as seen.
     */
    static boolean telling(String word) {
        return IDENTIFIER.matcher(word).find() || !CommonWords.contains(word);
    }

    /**
     * The multi-word names of a question. A run at the very start loses its first word (a capitalised
     * question word: "Which Kubernetes operator ..."); runs with no lower-case letter are SQL keywords.
     */
    static List<String> names(String question) {
        List<String> names = new ArrayList<>();
        Matcher name = NAME.matcher(question);
        while (name.find()) {
            String run = name.group();
            if (name.start() == 0) {
                run = FIRST_WORD.matcher(run).replaceFirst("");
                if (!run.contains(" ") && !run.contains("\t")) {
                    continue;
                }
            }
            if (LOWER.matcher(run).find()) {
                names.add(run.strip());
            }
        }
        return names;
    }
}
