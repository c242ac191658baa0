package dev.kiln.intent.internal.rules;

import dev.kiln.intent.internal.lexicon.Grammar;
import dev.kiln.intent.internal.lexicon.VerbKind;
import dev.kiln.intent.internal.lexicon.VerbLexicon;
import dev.kiln.intent.internal.lexicon.VerbMatch;
import dev.kiln.intent.internal.nlp.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the anchors of a clause: lexicon verb phrases, generic verbs, passives with "by", "with" after a
 * noun, and a colon after a short noun phrase.
 *
 * <p>A single lexicon word counts as a verb when the tagger says so, or when it stands between two noun
 * phrases ("agents list properties"), because terse prompts often fool the tagger.
 */
final class AnchorFinder {
    /** Words that end a field-list header: "Ticket fields:". */
    static final Set<String> META_WORDS = Set.of("fields", "attributes", "properties", "columns", "field");

    private static final int MAX_HEADER = 8;
    /** Verbs that introduce a header even where the tagger calls them nouns: "Vehicle has fields:". */
    private static final Set<String> HEADER_VERBS = Set.of("have", "with", "contain", "include");

    private static final int MAX_HEADER_WORDS = 4;
    private static final Set<String> SINGULAR_ARTICLES = Set.of("a", "an", "each", "every", "the", "one");
    private static final Set<String> BE = Set.of("is", "are", "was", "were", "be", "been", "being");
    /** Prepositions that place a thing after "is": "a shift is at one checkpoint". */
    private static final Set<String> PLACES = Set.of("at", "within", "inside", "under", "with");
    /** Prepositions that never place the subject of a passive: "is set up", "is used by". */
    private static final Set<String> NOT_PLACES = Set.of("by", "up", "out", "off", "as", "like", "than", "about");

    private final VerbLexicon verbs;
    private final Grammar grammar;

    AnchorFinder(VerbLexicon verbs, Grammar grammar) {
        this.verbs = verbs;
        this.grammar = grammar;
    }

    Grammar grammar() {
        return grammar;
    }

    List<Anchor> find(List<Token> tokens) {
        List<Anchor> out = new ArrayList<>();
        int i = 0;
        Optional<Anchor> header = header(tokens);
        if (header.isPresent()) {
            out.add(header.get());
            i = header.get().end();
        }
        while (i < tokens.size()) {
            if (tokens.get(i).lower().equals("(")) {
                i = Tokens.closing(tokens, i) + 1;
                continue;
            }
            Optional<Anchor> anchor =
                    at(tokens, i, out.isEmpty() || !out.getLast().is(VerbKind.FIELDS));
            if (anchor.isPresent() && objectOfVerb(tokens, out, anchor.get())) {
                anchor = Optional.empty();
            }
            if (anchor.isPresent()) {
                out.add(anchor.get());
                i = anchor.get().end();
            } else {
                i++;
            }
        }
        return out;
    }

    /** "Buyers make offers on items": a word right after a verb that needs an object is that object. */
    private static boolean objectOfVerb(List<Token> tokens, List<Anchor> found, Anchor next) {
        if (found.isEmpty()) {
            return false;
        }
        Anchor last = found.getLast();
        boolean single = last.end() - last.start() == 1
                && !last.is(VerbKind.FIELDS)
                && !last.phrase().equals(":");
        String word = tokens.get(next.start()).lower();
        return single
                && last.end() == next.start()
                && next.end() - next.start() == 1
                && word.endsWith("s")
                && !word.endsWith("ss");
    }

    /**
     * A field-list header: "Patient fields:" or "Vehicle has fields:" (also "has the following
     * attributes:"). Verbs inside the header ("Test order fields") are part of the name.
     *
     * @return the anchor that introduces the list, ending after the colon
     */
    Optional<Anchor> header(List<Token> tokens) {
        int colon = -1;
        for (int i = 1; i < Math.min(tokens.size(), MAX_HEADER); i++) {
            if (tokens.get(i).lower().equals(":")) {
                colon = i;
                break;
            }
        }
        if (colon < 0 || !META_WORDS.contains(tokens.get(colon - 1).lower())) {
            return Optional.empty();
        }
        for (int i = 1; i < colon - 1; i++) {
            Optional<VerbMatch> verb = verbs.longestAt(tokens, i);
            boolean listing = verb.isPresent()
                    && verb.get().kinds().contains(VerbKind.FIELDS)
                    && (!tokens.get(i).taggedNoun()
                            || HEADER_VERBS.contains(verb.get().phrase()));
            if (listing) {
                boolean onlyDeterminers = tokens.subList(verb.get().end(), colon - 1).stream()
                        .allMatch(t -> grammar.determiners().contains(t.lower())
                                || t.lower().equals("following"));
                return onlyDeterminers
                        ? Optional.of(new Anchor(i, colon + 1, verb.get().phrase(), Set.of(VerbKind.FIELDS)))
                        : Optional.empty();
            }
        }
        boolean words = tokens.subList(0, colon).stream().allMatch(Token::isWord);
        return words && colon <= MAX_HEADER_WORDS
                ? Optional.of(new Anchor(colon, colon + 1, ":", Set.of(VerbKind.FIELDS)))
                : Optional.empty();
    }

    private Optional<Anchor> at(List<Token> tokens, int i, boolean afterRelation) {
        Token t = tokens.get(i);
        if (t.lower().equals(":")) {
            return colon(tokens, i);
        }
        if (isBe(t) && i > 0) {
            Optional<Anchor> passive = passiveBy(tokens, i);
            if (passive.isPresent()) {
                return passive;
            }
        }
        Optional<VerbMatch> match = verbs.longestAt(tokens, i);
        if (match.isPresent() && accepted(tokens, match.get(), afterRelation)) {
            VerbMatch m = match.get();
            return Optional.of(new Anchor(m.start(), m.end(), m.phrase(), m.kinds()));
        }
        if (isBe(t) && i > 0) {
            Optional<Anchor> passive = passive(tokens, i);
            if (passive.isPresent()) {
                return passive;
            }
        }
        if (participle(t) && i + 1 < tokens.size() && tokens.get(i + 1).lower().equals("by") && leftOk(tokens, i)) {
            return Optional.of(new Anchor(i, i + 2, "be " + t.lemma() + " by", Set.of(VerbKind.BELONGS)));
        }
        if (participle(t) && leftOk(tokens, i) && afterSeparator(tokens, i)) {
            Optional<VerbMatch> bare = verbs.passiveAt(tokens, i);
            if (bare.isPresent() && bare.get().kinds().contains(VerbKind.BELONGS)) {
                VerbMatch m = bare.get();
                return Optional.of(new Anchor(m.start(), m.end(), m.phrase(), m.kinds()));
            }
        }
        boolean verbLike =
                t.tag().equals("VERB") || agreesWithPluralSubject(tokens, i) || agreesWithSingularSubject(tokens, i);
        if (t.tag().equals("VERB")
                && t.isWord()
                && afterSeparator(tokens, i)
                && t.lower().endsWith("s")
                && i + 1 < tokens.size()
                && counted(tokens.get(i + 1).lower())) {
            return Optional.of(new Anchor(i, i + 1, t.lemma(), Set.of(VerbKind.OTHER)));
        }
        if (verbLike
                && t.isWord()
                && !grammar.isFunctionWord(t.lower())
                && subjectBefore(tokens, i)
                && (startsNoun(tokens, i + 1) || preposition(tokens, i + 1))
                && !gerund(tokens, i)
                && !modifierParticiple(tokens, i)
                && !beforeVerb(tokens, i + 1)
                && verbs.longestAt(tokens, i + 1).isEmpty()) {
            return Optional.of(new Anchor(i, i + 1, t.lemma(), Set.of(VerbKind.OTHER)));
        }
        return Optional.empty();
    }

    /**
     * "Leave requests are approved by a manager": a verb of the lexicon in the passive with "by" relates
     * its subject to the agent, whatever the active verb would mean.
     */
    private Optional<Anchor> passiveBy(List<Token> tokens, int be) {
        int v = skipAdverbs(tokens, be + 1);
        if (v + 1 >= tokens.size()
                || !participle(tokens.get(v))
                || !tokens.get(v + 1).lower().equals("by")
                || !leftOk(tokens, be)) {
            return Optional.empty();
        }
        Optional<VerbMatch> lexicon = verbs.longestAt(tokens, be);
        Optional<VerbMatch> active = verbs.longestAt(tokens, v);
        boolean shared = active.isPresent() && active.get().kinds().contains(VerbKind.MANY_TO_MANY);
        if ((lexicon.isPresent() && lexicon.get().end() > v + 1) || shared) {
            return Optional.empty();
        }
        return Optional.of(new Anchor(be, v + 2, "be " + tokens.get(v).lemma() + " by", Set.of(VerbKind.BELONGS)));
    }

    /**
     * "Each monitor is installed in a room", "a match is played between two teams": a passive verb the
     * lexicon does not know, followed by a preposition and a noun, places its subject in or under the
     * noun. "Each device is registered with an asset tag, a model...": a passive with "with" lists what
     * the subject holds. "A shift is at one checkpoint": "be" with a place preposition does the same.
     */
    private Optional<Anchor> passive(List<Token> tokens, int be) {
        if (!leftOk(tokens, be)) {
            return Optional.empty();
        }
        int v = skipAdverbs(tokens, be + 1);
        if (v < tokens.size() && PLACES.contains(tokens.get(v).lower()) && startsNoun(tokens, v + 1)) {
            String phrase = "be " + tokens.get(v).lower();
            return Optional.of(new Anchor(be, v + 1, phrase, Set.of(VerbKind.BELONGS)));
        }
        if (v + 1 >= tokens.size() || !participle(tokens.get(v)) || !startsNoun(tokens, v + 2)) {
            return Optional.empty();
        }
        String preposition = tokens.get(v + 1).lower();
        String phrase = "be " + tokens.get(v).lemma() + " " + preposition;
        if (preposition.equals("with")) {
            return Optional.of(new Anchor(be, v + 2, phrase, Set.of(VerbKind.FIELDS)));
        }
        if (grammar.prepositions().contains(preposition) && !NOT_PLACES.contains(preposition)) {
            return Optional.of(new Anchor(be, v + 2, phrase, Set.of(VerbKind.BELONGS)));
        }
        return Optional.empty();
    }

    private int skipAdverbs(List<Token> tokens, int from) {
        int v = from;
        while (v < tokens.size()
                && (tokens.get(v).tag().equals("ADV")
                        || grammar.auxiliaries().contains(tokens.get(v).lower()))
                && !isBe(tokens.get(v))) {
            v++;
        }
        return v;
    }

    private static boolean isBe(Token t) {
        return t.lemma().equals("be") || BE.contains(t.lower());
    }

    /** "..., assigned to a truck": a bare participle right after a comma or "and" in a list. */
    private boolean afterSeparator(List<Token> tokens, int i) {
        if (i == 0) {
            return false;
        }
        String previous = tokens.get(i - 1).lower();
        return previous.equals(",") || grammar.conjunctions().contains(previous);
    }

    /**
     * "Vehicles park in spots": a plural noun opening the clause, then a word without an -s, then a
     * preposition or a noun phrase; the tagger often calls such a verb a noun.
     */
    private boolean agreesWithPluralSubject(List<Token> tokens, int i) {
        if (i != 1 || i + 1 >= tokens.size()) {
            return false;
        }
        String subject = tokens.get(0).lower();
        String word = tokens.get(i).lower();
        return subject.endsWith("s")
                && !subject.endsWith("ss")
                && content(tokens.get(0))
                && content(tokens.get(i))
                && !word.endsWith("s")
                && !tokens.get(i).tag().equals("ADJ");
    }

    /**
     * "An ingredient appears in many recipes", "an automation controls many devices": an article, a
     * singular noun, then a word with an -s before a preposition or a quantifier; the tagger often
     * calls such a verb a plural noun.
     */
    private boolean agreesWithSingularSubject(List<Token> tokens, int i) {
        if (i < 2 || i + 1 >= tokens.size()) {
            return false;
        }
        String article = tokens.get(i - 2).lower();
        String subject = tokens.get(i - 1).lower();
        String word = tokens.get(i).lower();
        String next = tokens.get(i + 1).lower();
        boolean opens = SINGULAR_ARTICLES.contains(article)
                && content(tokens.get(i - 1))
                && (!subject.endsWith("s") || subject.endsWith("ss"));
        boolean verbForm = word.endsWith("s")
                && !word.endsWith("ss")
                && content(tokens.get(i))
                && !tokens.get(i).tag().equals("ADJ");
        boolean object = grammar.prepositions().contains(next)
                || grammar.many().contains(next)
                || grammar.one().contains(next)
                || (grammar.determiners().contains(next) && !grammar.relatives().contains(next));
        return opens && verbForm && object;
    }

    /** Whether a noun, pronoun or relative pronoun precedes a verb, auxiliaries aside. */
    private boolean subjectBefore(List<Token> tokens, int i) {
        int j = i - 1;
        while (j >= 0 && skippable(tokens.get(j))) {
            j--;
        }
        if (j < 0) {
            return false;
        }
        String left = tokens.get(j).lower();
        return content(tokens.get(j))
                || grammar.relatives().contains(left)
                || grammar.pronouns().contains(left);
    }

    private boolean preposition(List<Token> tokens, int index) {
        return index < tokens.size()
                && grammar.prepositions().contains(tokens.get(index).lower());
    }

    private Optional<Anchor> colon(List<Token> tokens, int i) {
        return shortNoun(tokens.subList(0, i))
                ? Optional.of(new Anchor(i, i + 1, ":", Set.of(VerbKind.FIELDS)))
                : Optional.empty();
    }

    /** "Tournament", "menu items", "A viewing": up to three content words, perhaps after a determiner. */
    boolean shortNoun(List<Token> left) {
        int from = !left.isEmpty()
                        && grammar.determiners().contains(left.getFirst().lower())
                ? 1
                : 0;
        List<Token> words = left.subList(from, left.size());
        return !words.isEmpty()
                && words.size() <= 3
                && words.stream().allMatch(t -> t.isWord() && !grammar.isFunctionWord(t.lower()));
    }

    private boolean accepted(List<Token> tokens, VerbMatch m, boolean afterRelation) {
        Token first = tokens.get(m.start());
        boolean multiWord = m.end() - m.start() > 1;
        if (purpose(tokens, m)) {
            return true;
        }
        if (!leftOk(tokens, m.start()) || previousIsDeterminer(tokens, m.start())) {
            return false;
        }
        if (m.phrase().equals("with")) {
            Token before = tokens.get(m.start() - 1);
            String previous = before.lower();
            boolean noun = content(before) || previous.equals(")");
            return noun && !previous.endsWith("ing") && !previous.endsWith("ed") && startsNoun(tokens, m.end());
        }
        if (multiWord || first.is("have")) {
            return true;
        }
        if (linkingGerund(tokens, m)) {
            return true;
        }
        if (gerund(tokens, m.start()) || modifierParticiple(tokens, m.start()) || listItem(tokens, m.start())) {
            return false;
        }
        if (first.tag().equals("VERB")) {
            return true;
        }
        boolean afterNoun = m.start() > 0
                && (content(tokens.get(m.start() - 1))
                        || grammar.relatives()
                                .contains(tokens.get(m.start() - 1).lower()));
        boolean beforeVerb = m.end() < tokens.size()
                && tokens.get(m.end()).tag().equals("VERB")
                && !(m.end() + 1 < tokens.size()
                        && tokens.get(m.end() + 1).taggedNoun()
                        && verbs.longestAt(tokens, m.end()).isEmpty());
        return (afterNoun || coordinated(tokens, m, afterRelation)) && !beforeVerb && startsNoun(tokens, m.end());
    }

    /**
     * "farmers manage fields and plant crops in fields": a verb after "and" whose object is a plural noun,
     * in a clause whose last anchor relates entities rather than listing fields.
     */
    private boolean coordinated(List<Token> tokens, VerbMatch m, boolean afterRelation) {
        boolean afterAnd = m.start() > 0
                && grammar.conjunctions().contains(tokens.get(m.start() - 1).lower());
        if (!afterAnd || m.end() >= tokens.size()) {
            return false;
        }
        String verb = tokens.get(m.start()).lower();
        String object = tokens.get(m.end()).lower();
        if (verb.endsWith("s") && !verb.endsWith("ss") && counted(object)) {
            return true;
        }
        return afterRelation
                && !verb.endsWith("s")
                && object.endsWith("s")
                && !object.endsWith("ss")
                && content(tokens.get(m.end()));
    }

    /**
     * "... and links one artist to one stage": a lexicon verb with the -s of a singular subject after
     * "and", before a counted object, even after a field list.
     */
    private boolean counted(String word) {
        return grammar.one().contains(word)
                || grammar.many().contains(word)
                || Set.of("a", "an", "each", "every").contains(word);
    }

    /** "A service for a clinic to keep track of patients": what the service is for. */
    private boolean purpose(List<Token> tokens, VerbMatch m) {
        return m.kinds().contains(VerbKind.DECLARES)
                && m.start() > 0
                && tokens.get(m.start() - 1).lower().equals("to")
                && startsNoun(tokens, m.end());
    }

    /** "An invitation linking a guest to an event": a linking verb's -ing form after its subject. */
    private boolean linkingGerund(List<Token> tokens, VerbMatch m) {
        Token first = tokens.get(m.start());
        return m.kinds().contains(VerbKind.JOINS)
                && first.lower().endsWith("ing")
                && m.start() > 0
                && tokens.get(m.start() - 1).taggedNoun()
                && startsNoun(tokens, m.end());
    }

    /** "registration, make, model": a lone word between commas is an item of a list, not a verb. */
    private boolean listItem(List<Token> tokens, int i) {
        String previous = i > 0 ? tokens.get(i - 1).lower() : "";
        if (!previous.equals(",") && !previous.equals(":")) {
            return false;
        }
        if (i + 1 >= tokens.size()) {
            return true;
        }
        String next = tokens.get(i + 1).lower();
        boolean nounAfterAnd = grammar.conjunctions().contains(next)
                && i + 2 < tokens.size()
                && tokens.get(i + 2).taggedNoun();
        return next.equals(",") || nounAfterAnd;
    }

    /** "Recipe sharing site": an -ing form without "is" or "are" before it modifies a noun. */
    private static boolean gerund(List<Token> tokens, int i) {
        boolean ing =
                tokens.get(i).lower().endsWith("ing") && tokens.get(i).lower().length() > 4;
        return ing && (i == 0 || !tokens.get(i - 1).lemma().equals("be"));
    }

    /** "opened date", "published at": a past participle without an auxiliary describes a noun. */
    private boolean modifierParticiple(List<Token> tokens, int i) {
        Token t = tokens.get(i);
        boolean participle = !t.lemma().equals(t.lower())
                && !t.lower().endsWith("s")
                && !t.lower().endsWith("ing")
                && (t.tag().equals("VERB") || t.tag().equals("ADJ"));
        boolean auxiliary = i > 0
                && (tokens.get(i - 1).lemma().equals("be")
                        || tokens.get(i - 1).lemma().equals("have"));
        return participle && !auxiliary;
    }

    private static boolean beforeVerb(List<Token> tokens, int i) {
        return i < tokens.size() && tokens.get(i).tag().equals("VERB");
    }

    private boolean previousIsDeterminer(List<Token> tokens, int start) {
        String previous = start > 0 ? tokens.get(start - 1).lower() : "";
        return grammar.determiners().contains(previous) && !grammar.relatives().contains(previous);
    }

    /** Returns whether a subject (or a coordination that shares one) precedes the anchor. */
    private boolean leftOk(List<Token> tokens, int start) {
        int j = start - 1;
        while (j >= 0 && skippable(tokens.get(j))) {
            j--;
        }
        if (j < 0) {
            return false;
        }
        Token left = tokens.get(j);
        return content(left)
                || grammar.pronouns().contains(left.lower())
                || left.lower().equals(")")
                || left.lower().equals(",")
                || grammar.conjunctions().contains(left.lower())
                || grammar.relatives().contains(left.lower());
    }

    private boolean skippable(Token t) {
        return grammar.auxiliaries().contains(t.lower()) && !t.lower().equals("each");
    }

    boolean content(Token t) {
        return t.isWord()
                && !grammar.isFunctionWord(t.lower())
                && !grammar.many().contains(t.lower());
    }

    private boolean startsNoun(List<Token> tokens, int index) {
        if (index >= tokens.size()) {
            return false;
        }
        Token t = tokens.get(index);
        return content(t)
                || t.isNumber()
                || grammar.determiners().contains(t.lower())
                || grammar.many().contains(t.lower());
    }

    private static boolean participle(Token t) {
        return (t.tag().equals("VERB") || t.tag().equals("ADJ"))
                && (t.lower().endsWith("ed")
                        || t.lower().endsWith("en")
                        || !t.lemma().equals(t.lower()));
    }
}
