package dev.kiln.rag.answer;

import dev.kiln.rag.search.LexicalRetriever;
import dev.kiln.rag.search.SearchRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what a question names that the documents a principal may read never mention: single words (a
 * product, a setting of another system, an extension the documents do not describe) and names of
 * several capitalised words, looked up as phrases because each of their words may be common; among the
 * unseen words, the names shaped like a system's own (pg_repack, transaction_timeout) that the question
 * does not mark as the asker's.
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

    /**
     * The shape of a name a system gives its own things: letters joined by an underscore or a dot
     * (pg_repack, transaction_timeout, vm.swappiness), letters then digits (uuidv7), or a capital after
     * a lower-case letter (pgBackRest). Acronyms (VLAN, PDFs) and numbers with units (3pm, 32GB) are not.
     */
    private static final Pattern SYSTEM_NAME =
            Pattern.compile("^\\p{L}.*(?:\\p{L}[_.]\\p{L}|\\p{L}\\p{N}|\\p{Ll}\\p{Lu})");

    /** Longer words are not names (PostgreSQL's identifiers stop at 63 bytes); it also bounds the matching. */
    private static final int LONGEST_NAME = 100;

    /** A version or file-type tail: libpq.so.5 is a build of libpq, backup.sql a file of the asker's. */
    private static final Pattern FILE_OR_VERSION_TAIL = Pattern.compile(
            "(?:\\.(?:so|dll|dylib|conf|sql|csv|txt|log|json|ya?ml|xml|sh|py|jar|c|h))?+(?:[._-]?+\\p{N}++)*+$");

    /** Words just before a name that make it the asker's: "my orders_2024", "a column named qty_cents". */
    private static final Set<String> OWNER_WORDS = Set.of("my", "our", "your", "their", "named", "called");

    /**
     * Nouns next to a name that make it the asker's, unless the documents name its siblings: "an
     * updated_at timestamp", "the column last_modified_by", "the role app_reader".
     */
    private static final Set<String> OBJECT_NOUNS = Set.of(
            "column",
            "columns",
            "table",
            "tables",
            "field",
            "fields",
            "timestamp",
            "row",
            "rows",
            "record",
            "records",
            "attribute",
            "key",
            "value",
            "values",
            "variable",
            "schema",
            "database",
            "index",
            "view",
            "function",
            "procedure",
            "trigger",
            "role",
            "user",
            "sequence",
            "type",
            "constraint",
            "policy");

    /**
     * A name in a slot of the asker's SQL: right after an upper-case keyword that introduces a table, view,
     * sequence, role or other object the statement names ("INSERT INTO product_stock", "REFRESH MATERIALIZED
     * VIEW CONCURRENTLY monthly_revenue", "GRANT SELECT ... TO reporting_ro"). Written in capitals, the
     * keywords mark SQL rather than prose.
     */
    private static final Pattern SQL_SLOT = Pattern.compile(
            "\\b(?:INTO|FROM|JOIN|UPDATE|TABLE|VIEW|CONCURRENTLY|SEQUENCE|ON|TO|TYPE|ROLE|USER|SCHEMA|TRIGGER)"
                    + "[ \\t]++([\\p{L}_][\\p{L}\\p{N}_]{0,99}+(?:\\.[\\p{L}_][\\p{L}\\p{N}_]{0,99}+)?+)");

    /**
     * The arguments or column list right after a word and an opening parenthesis: "subscriptions(email,
     * cancelled_at)", "date(created_at AT TIME ZONE tz)". Names there are the asker's columns and values.
     */
    private static final Pattern ARGUMENTS = Pattern.compile("[\\p{L}\\p{N}_]\\(([^()]{1,300}+)\\)");

    private static final Pattern FIRST_WORD = Pattern.compile("^\\S++\\s++");
    private static final Pattern LOWER = Pattern.compile("\\p{Ll}");

    private final LexicalRetriever lexical;
    private final TermCoverage weights;

    UnseenWords(LexicalRetriever lexical, TermCoverage weights) {
        this.lexical = lexical;
        this.weights = weights;
    }

    /**
     * The unseen words and names of a question, and the IDF-weighted share of its words unseen.
     *
     * @param read the texts of the readable chunks retrieved for the question, where a name's siblings
     *     are looked for
     */
    Evidence measure(
            String question, Set<String> principals, double bestCosine, double termCoverage, List<String> read) {
        SearchRequest readable = SearchRequest.of(question, principals, 1);
        double unseenIdf = weights.unseenIdf();
        double total = 0;
        double unseen = 0;
        List<String> unseenWords = new ArrayList<>();
        List<String> unseenSystemNames = new ArrayList<>();
        Set<String> counted = new LinkedHashSet<>();
        Set<String> asked = sqlNames(question);
        List<String> words = words(question);
        for (int i = 0; i < words.size(); i++) {
            String surface = words.get(i);
            Set<String> terms = new LinkedHashSet<>(weights.terms(surface));
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
                if (claimedSystemName(words, i, read)
                        && !asked.contains(surface)
                        && !mentionedBase(readable, surface)) {
                    unseenSystemNames.add(surface);
                }
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
        return new Evidence(
                bestCosine, termCoverage, total == 0 ? 0 : unseen / total, unseenWords, unseenNames, unseenSystemNames);
    }

    /** The words of a question in order, without the punctuation that may follow them. */
    static List<String> words(String question) {
        List<String> words = new ArrayList<>();
        Matcher word = WORD.matcher(question);
        while (word.find()) {
            words.add(TRAILING_JOINERS.matcher(word.group()).replaceFirst(""));
        }
        return words;
    }

    /**
     * Tells whether the word at {@code index} is shaped like a name a system gives its own things and
     * the question does not mark it as the asker's own. An owner word among the two words before it
     * ("my", "named") always makes it the asker's; an object noun right before or after it ("column",
     * "table", "role", "an updated_at timestamp") does too, unless the retrieved chunks name siblings of
     * it, two or more other names with the same first part (pg_stat_activity and pg_stat_database for a
     * "pg_stat_io view"): then it is a name in the documents' own family that they never give. A
     * question asking about such a name asks about something of the documented system; when the
     * documents never mention it, they do not describe it.
     *
     * @param words the words of the question
     * @param index the position of the word
     * @param read the texts of the readable chunks retrieved for the question
     * @return true when the question names the word as a thing of the documented system
     */
    static boolean claimedSystemName(List<String> words, int index, List<String> read) {
        String word = words.get(index);
        if (word.length() > LONGEST_NAME || !SYSTEM_NAME.matcher(word).find()) {
            return false;
        }
        for (int i = Math.max(0, index - 2); i < index; i++) {
            if (OWNER_WORDS.contains(words.get(i).toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        boolean nounBefore =
                index > 0 && OBJECT_NOUNS.contains(words.get(index - 1).toLowerCase(Locale.ROOT));
        boolean nounAfter = index + 1 < words.size()
                && OBJECT_NOUNS.contains(words.get(index + 1).toLowerCase(Locale.ROOT));
        return !(nounBefore || nounAfter) || siblings(word, read) >= 2;
    }

    /**
     * The names a question uses inside its own SQL: in the object slot of an upper-case keyword ("INSERT
     * INTO product_stock", "TO reporting_ro") or in the parentheses right after a word
     * ("subscriptions(email, cancelled_at)"). The asker chose them, so their absence from the documents
     * says nothing.
     *
     * @param question the question
     * @return the names, as {@link #words} spells them
     */
    static Set<String> sqlNames(String question) {
        Set<String> names = new LinkedHashSet<>();
        Matcher slot = SQL_SLOT.matcher(question);
        int from = 0;
        while (slot.find(from)) {
            names.add(slot.group(1));
            from = slot.start(1); // the name may itself be a keyword: VIEW CONCURRENTLY monthly_totals
        }
        Matcher arguments = ARGUMENTS.matcher(question);
        while (arguments.find()) {
            names.addAll(words(arguments.group(1)));
        }
        return names;
    }

    /** How many different names in the texts share the word's first part before {@code _} or {@code .}. */
    static int siblings(String word, List<String> read) {
        String lower = word.toLowerCase(Locale.ROOT);
        int joint = indexOfJoiner(lower);
        if (joint < 2) {
            return 0;
        }
        String family = lower.substring(0, joint + 1);
        Set<String> found = new LinkedHashSet<>();
        for (String text : read) {
            for (String other : words(text)) {
                String name = other.toLowerCase(Locale.ROOT);
                if (name.startsWith(family) && name.length() > family.length() && !name.equals(lower)) {
                    found.add(name);
                }
            }
        }
        return found.size();
    }

    private static int indexOfJoiner(String word) {
        int underscore = word.indexOf('_');
        int dot = word.indexOf('.');
        if (underscore < 0) {
            return dot;
        }
        return dot < 0 ? underscore : Math.min(underscore, dot);
    }

    /** Whether the documents mention the word without its version or file-type tail (libpq of libpq.so.5). */
    private boolean mentionedBase(SearchRequest readable, String word) {
        String base = FILE_OR_VERSION_TAIL.matcher(word).replaceFirst("");
        return !base.isEmpty() && !base.equals(word) && lexical.mentions(readable, base);
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
     * The multi-word names of a question. A run opening the question or one of its sentences loses its
     * first word (a capitalised question word: "Which Kubernetes operator ...", "... Can I make it ...");
     * runs with no lower-case letter are SQL keywords.
     */
    static List<String> names(String question) {
        List<String> names = new ArrayList<>();
        Matcher name = NAME.matcher(question);
        while (name.find()) {
            String run = name.group();
            if (startsSentence(question, name.start())) {
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

    /** Whether a position opens the question or a sentence in it (after ".", "?" or "!" and a space). */
    private static boolean startsSentence(String question, int start) {
        int i = start - 1;
        while (i >= 0 && Character.isWhitespace(question.charAt(i))) {
            i--;
        }
        return i < 0 || (i < start - 1 && ".?!".indexOf(question.charAt(i)) >= 0);
    }
}
